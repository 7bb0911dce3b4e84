import DBAPICore

/// The frame of every row of a partition as positions `start…end` (inclusive; empty when start > end).
/// Both bounds only move forward from one row to the next, which the sliding aggregates rely on.
struct WindowFrameBounds {
    let partition: WindowPartition

    func bounds(_ frame: FrameSpec) throws(EngineError) -> (starts: [Int], ends: [Int]) {
        let count = partition.count
        var starts: [Int] = []
        var ends: [Int] = []
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)
        for position in 0..<count {
            starts.append(min(max(try bound(frame.start, frame, position, isStart: true), 0), count))
            ends.append(max(min(try bound(frame.end, frame, position, isStart: false), count - 1), -1))
        }
        return (starts, ends)
    }

    private func bound(_ edge: FrameSpec.Edge, _ frame: FrameSpec, _ position: Int, isStart: Bool) throws(EngineError) -> Int {
        switch edge {
        case .unboundedPreceding: return 0
        case .unboundedFollowing: return partition.count - 1
        case .currentRow:
            guard frame.isRange else { return position }
            let (first, last) = partition.peers(of: position)
            return isStart ? first : last
        case .rows(let offset):
            let (moved, overflow) = position.addingReportingOverflow(offset)
            return overflow ? (offset < 0 ? -1 : partition.count) : moved
        case let .range(offset, isPreceding):
            guard let key = partition.firstKey else { return isStart ? 0 : partition.count - 1 }
            let target = Self.shift(partition.firstOrderKey(position), by: offset, down: isPreceding == key.isAscending)
            // The first row at or after the target (start), the last row at or before it (end).
            var low = 0
            var high = partition.count
            while low < high {
                let middle = (low + high) / 2
                let order = WindowSort.compare(partition.firstOrderKey(middle), target, key)
                if isStart ? order < 0 : order <= 0 { low = middle + 1 } else { high = middle }
            }
            return isStart ? low : low - 1
        }
    }

    /// `value` moved by `offset` (down: minus), in the wider of their domains; NULL stays NULL, and
    /// integers saturate rather than wrap. A DATE moves by days and wraps around the INT range, as
    /// Spark's `date_add` does (a frame of 2147483647 days around a date is empty there).
    static func shift(_ value: SQLValue, by offset: SQLValue, down: Bool) -> SQLValue {
        switch (value, offset) {
        case let (.date(days), .int(delta)):
            let step = Int32(truncatingIfNeeded: delta)
            return .date(down ? days &- step : days &+ step)
        case let (.date, .interval(interval)), let (.timestamp, .interval(interval)), let (.timestampNTZ, .interval(interval)):
            return shift(value, by: interval, down: down)
        case let (.int(a), .int(b)):
            let (moved, overflow) = down ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
            if overflow { return .int((b < 0) == down ? Int64.max : Int64.min) }
            return .int(moved)
        case let (.double(a), .double(b)): return .double(down ? a - b : a + b)
        case let (.int(a), .double(b)): return .double(down ? Double(a) - b : Double(a) + b)
        case let (.decimal(a), .decimal(b)): return decimal(a, b, down: down)
        case let (.int(a), .decimal(b)): return decimal(SQLDecimal(a), b, down: down)
        case let (.decimal(a), .int(b)): return decimal(a, SQLDecimal(b), down: down)
        default: return value
        }
    }

    /// A DATE or TIMESTAMP moved by an interval: months with the day clamped to the month's end, microseconds (whole
    /// days for a DATE); a result beyond the type's range saturates.
    private static func shift(_ value: SQLValue, by interval: SQLInterval, down: Bool) -> SQLValue {
        let amount = down ? -interval.amount : interval.amount
        switch value {
        case .date(let days):
            guard interval.isYearMonth else { return .date(Int32(clamping: Int64(days) + amount / CivilTime.microsPerDay)) }
            return .date((try? DatetimeArithmetic.addMonths(days, amount)) ?? (amount < 0 ? Int32.min : Int32.max))
        case .timestamp(let micros), .timestampNTZ(let micros):
            let moved: Int64
            if interval.isYearMonth {
                let day =
                    (try? DatetimeArithmetic.addMonths(CalendarMath.date(ofMicros: micros), amount)) ?? (amount < 0 ? Int32.min : Int32.max)
                let (scaled, overflow) = Int64(day).multipliedReportingOverflow(by: CivilTime.microsPerDay)
                moved = overflow ? (amount < 0 ? Int64.min : Int64.max) : scaled &+ CalendarMath.timeOfDay(micros)
            } else {
                let (sum, overflow) = micros.addingReportingOverflow(amount)
                moved = overflow ? (amount < 0 ? Int64.min : Int64.max) : sum
            }
            if case .timestamp = value { return .timestamp(moved) }
            return .timestampNTZ(moved)
        default:
            return value
        }
    }

    private static func decimal(_ a: SQLDecimal, _ b: SQLDecimal, down: Bool) -> SQLValue {
        (down ? a.subtracting(b) : a.adding(b)).map { .decimal($0) }
            ?? .double((Double(a.description) ?? 0) + (down ? -1 : 1) * (Double(b.description) ?? 0))
    }
}

/// first_value, last_value and nth_value over frames.
enum WindowValueFunctions {
    static func evaluate(
        _ kind: WindowFunction.Kind, _ values: [SQLValue], ignoresNulls: Bool, starts: [Int], ends: [Int]
    ) -> [SQLValue] {
        // With IGNORE NULLS, positions of the non-NULL values and how many come before each position.
        var nonNull: [Int] = []
        var before: [Int] = [0]
        if ignoresNulls {
            before.reserveCapacity(values.count + 1)
            for (position, value) in values.enumerated() {
                if !value.isNull { nonNull.append(position) }
                before.append(nonNull.count)
            }
        }
        return zip(starts, ends).map { start, end in
            guard start <= end else { return .null }
            switch kind {
            case .firstValue:
                guard ignoresNulls else { return values[start] }
                let slot = before[start]
                return slot < nonNull.count && nonNull[slot] <= end ? values[nonNull[slot]] : .null
            case .lastValue:
                guard ignoresNulls else { return values[end] }
                let slot = before[end + 1] - 1
                return slot >= 0 && nonNull[slot] >= start ? values[nonNull[slot]] : .null
            case .nthValue(let n):
                guard n <= Int64(values.count) else { return .null }
                if !ignoresNulls {
                    let position = start + Int(n) - 1
                    return position <= end ? values[position] : .null
                }
                let slot = before[start] + Int(n) - 1
                return slot < nonNull.count && nonNull[slot] <= end ? values[nonNull[slot]] : .null
            default:
                return .null
            }
        }
    }
}
