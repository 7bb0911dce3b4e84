import DBAPICore

/// Aggregates over window frames in one pass over the partition:
/// - a frame that starts at the partition start grows: each row is added once (running totals);
/// - a sliding frame adds rows entering it and retracts rows leaving it (count, sum and avg of
///   integers and decimals exactly); min and max keep a monotonic deque of candidates;
/// - a DOUBLE sum or avg over a sliding frame of at most `exactWidth` rows, or with a NaN or an
///   infinity in the partition, is re-added row by row in frame order as Spark does, so the
///   rounding is Spark's; wider frames slide (the last digit can differ from Spark's).
enum WindowAggregates {
    static let exactWidth = 64

    static func evaluate(_ spec: AggregateSpec, _ inputs: [SQLValue], starts: [Int], ends: [Int]) throws(EngineError) -> [SQLValue] {
        let function: AggregateSpec.Function = spec.function == .countStar ? .count : spec.function
        if starts.allSatisfy({ $0 == 0 }) { return try running(spec, function, inputs, ends: ends) }
        switch function {
        case .minimum, .maximum: return extremes(inputs, isMaximum: function == .maximum, starts: starts, ends: ends)
        default: return try sliding(spec, function, inputs, starts: starts, ends: ends)
        }
    }

    /// Frames that all start at the partition start.
    private static func running(
        _ spec: AggregateSpec, _ function: AggregateSpec.Function, _ inputs: [SQLValue], ends: [Int]
    ) throws(EngineError) -> [SQLValue] {
        var state = AggregateState(spec)
        var added = 0
        var out: [SQLValue] = []
        out.reserveCapacity(ends.count)
        for end in ends {
            while added <= end {
                try state.accumulate(function, inputs[added])
                added += 1
            }
            out.append(try state.result(spec))
        }
        return out
    }

    /// count, sum and avg over frames whose start moves.
    private static func sliding(
        _ spec: AggregateSpec, _ function: AggregateSpec.Function, _ inputs: [SQLValue], starts: [Int], ends: [Int]
    ) throws(EngineError) -> [SQLValue] {
        let isDouble = spec.argumentType == .double || spec.argumentType == .float
        let reAdds = isDouble && inputs.contains { if case .double(let number) = $0 { return !number.isFinite } else { return false } }
        var state = AggregateState(spec)
        var (low, high) = (0, 0)  // rows low..<high are in `state`
        var out: [SQLValue] = []
        out.reserveCapacity(starts.count)
        for (start, end) in zip(starts, ends) {
            if isDouble && (reAdds || end - start < exactWidth) {
                var fresh = AggregateState(spec)
                if start <= end { for position in start...end { try fresh.accumulate(function, inputs[position]) } }
                out.append(try fresh.result(spec))
                continue
            }
            if start > high || start > end {  // no overlap with the rows held: start over
                state = AggregateState(spec)
                (low, high) = (start, start)
            }
            while low < start {
                try state.retract(function, inputs[low])
                low += 1
            }
            while high <= end {
                try state.accumulate(function, inputs[high])
                high += 1
            }
            out.append(try state.result(spec))
        }
        return out
    }

    /// min and max over moving frames: a deque of positions whose values strictly improve from
    /// back to front, so its front is the frame's extreme.
    private static func extremes(_ inputs: [SQLValue], isMaximum: Bool, starts: [Int], ends: [Int]) -> [SQLValue] {
        var deque: [Int] = []
        var head = 0
        var next = 0
        var out: [SQLValue] = []
        out.reserveCapacity(starts.count)
        for (start, end) in zip(starts, ends) {
            while next <= end {
                let value = inputs[next]
                if !value.isNull {
                    while deque.count > head {
                        let order = ValueOrder.compare(inputs[deque[deque.count - 1]], value)
                        guard isMaximum ? order <= 0 : order >= 0 else { break }
                        deque.removeLast()
                    }
                    deque.append(next)
                }
                next += 1
            }
            while head < deque.count && deque[head] < start { head += 1 }
            out.append(head < deque.count && start <= end ? inputs[deque[head]] : .null)
        }
        return out
    }
}
