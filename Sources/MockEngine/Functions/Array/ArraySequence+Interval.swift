import DBAPICore

/// `sequence(start, stop, step)` over dates and timestamps with an INTERVAL step: element `i` is `start` moved by
/// `i` steps (a year-month step adds `i × months` with the day clamped to the month's end, as `add_months`; a
/// day-time step adds `i × micros`, dates counted from midnight UTC and read back as the day they fall in),
/// up to `stop`. Dates need a day-time step of at least a day.
extension ArraySequence {
    static func intervalStep(_ call: ScalarCall, type: SQLType) throws(EngineError) -> CompiledExpr {
        guard case .interval(let field, _) = call.type(2) else { throw call.unexpected(2, "\"INTERVAL\"") }
        let isYearMonth = field.isYearMonth
        let (from, to, by) = (call.nestedArgument(0, as: type), call.nestedArgument(1, as: type), call.arguments[2].evaluate)
        return CompiledExpr(type: .array(type)) { row, context throws(EngineError) in
            guard let start = try micros(try from(row, context)), let stop = try micros(try to(row, context)),
                case .interval(let step) = try by(row, context)
            else { return .null }
            if type == .date, !isYearMonth, step.amount.magnitude < UInt64(CivilTime.microsPerDay) {
                throw EngineError.invalidArgument(
                    function: "sequence",
                    message: "sequence step must be an interval day to second of day granularity if start and end values are dates")
            }
            let estimate = step.amount  // only its sign and zero matter
            guard (estimate > 0 && start <= stop) || (estimate < 0 && start >= stop) || (estimate == 0 && start == stop) else {
                let scale = type == .date ? CivilTime.microsPerDay : 1
                let shown = isYearMonth ? step.amount : step.amount / scale
                throw EngineError.invalidArgument(
                    function: "sequence", message: "Illegal sequence boundaries: \(start / scale) to \(stop / scale) by \(shown)")
            }
            var out: [SQLValue] = []
            var index: Int64 = 0
            while true {
                let point = try moved(start, by: step.amount, times: index, yearMonth: isYearMonth)
                if estimate >= 0 ? point > stop : point < stop { break }
                out.append(value(point, type))
                if estimate == 0 { break }
                index += 1
                try NestedLimits.requireSize(Int64(out.count) + 1, "sequence")
            }
            return .array(out)
        }
    }

    /// A date (midnight UTC), timestamp or local timestamp as microseconds.
    private static func micros(_ value: SQLValue) throws(EngineError) -> Int64? {
        switch value {
        case .date(let days): try midnight(days)
        case .timestamp(let micros), .timestampNTZ(let micros): micros
        default: nil
        }
    }

    /// Microseconds at the start of a day; a day beyond TIMESTAMP's range is Spark's `long overflow`.
    private static func midnight(_ days: Int32) throws(EngineError) -> Int64 {
        let (micros, overflow) = Int64(days).multipliedReportingOverflow(by: CivilTime.microsPerDay)
        guard !overflow else { throw EngineError.overflow("long overflow") }
        return micros
    }

    private static func moved(_ start: Int64, by amount: Int64, times index: Int64, yearMonth: Bool) throws(EngineError) -> Int64 {
        let (delta, overflow) = amount.multipliedReportingOverflow(by: index)
        guard !overflow else { throw EngineError.overflow("long overflow") }
        guard yearMonth else { return try CalendarMath.adding(start, delta) }
        let day = CalendarMath.date(ofMicros: start)
        let days = try DatetimeArithmetic.addMonths(day, delta)
        return try CalendarMath.adding(try midnight(days), CalendarMath.timeOfDay(start))
    }

    private static func value(_ micros: Int64, _ type: SQLType) -> SQLValue {
        switch type {
        case .date: .date(CalendarMath.date(ofMicros: micros))
        case .timestamp: .timestamp(micros)
        default: .timestampNTZ(micros)
        }
    }
}
