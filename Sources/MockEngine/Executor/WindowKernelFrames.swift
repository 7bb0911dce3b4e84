import DBAPICore

/// Registry aggregates (kernels) over window frames. Frames come in partition order with both
/// bounds moving forward only, and the state holds the rows `low..<high`:
/// - a frame with the previous row's bounds (peers in a RANGE frame, the whole partition) reuses
///   its value, so `result()` runs once per distinct frame;
/// - when only the end moves (running frames from the partition start), the new rows are added:
///   O(n) adds over a partition of n rows;
/// - when the start moves, a retractable kernel takes back the rows that left (O(n) in all), and
///   any other kernel is rebuilt from the frame's first row: O(w) for a frame of w rows, O(n·w)
///   over the partition. That is Spark's own cost for such frames, and re-adding in frame order is
///   what keeps the last digit of the DOUBLE moments (stddev, corr, …) Spark's.
/// A kernel's `result()` adds its own cost per frame: collect_list copies its values, percentile
/// sorts its distinct values. Every 4096 rows added, the walk checks whether the statement was
/// cancelled, so `--timeout` bounds an O(n·w) partition too.
enum WindowKernelFrames {
    /// The aggregate of each frame `starts[i]…ends[i]` (empty when start > end) over `inputs`, the
    /// kernel rows in window order (nil for a row FILTER leaves out); `empty` is a fresh kernel.
    static func evaluate(
        _ empty: any AggregateKernel, _ inputs: [Row?], starts: [Int], ends: [Int], _ context: ExecutionContext
    ) throws(EngineError) -> [SQLValue] {
        if let retractable = empty as? any RetractableAggregateKernel { return try retracting(retractable, inputs, starts, ends, context) }
        return try rebuilding(empty, inputs, starts, ends, context)
    }

    private static func rebuilding<Kernel: AggregateKernel>(
        _ empty: Kernel, _ inputs: [Row?], _ starts: [Int], _ ends: [Int], _ context: ExecutionContext
    ) throws(EngineError) -> [SQLValue] {
        try walk(empty, inputs, starts, ends, context, retract: nil)
    }

    private static func retracting<Kernel: RetractableAggregateKernel>(
        _ empty: Kernel, _ inputs: [Row?], _ starts: [Int], _ ends: [Int], _ context: ExecutionContext
    ) throws(EngineError) -> [SQLValue] {
        try walk(empty, inputs, starts, ends, context) { (kernel: inout Kernel, row: Row) throws(EngineError) in try kernel.retract(row) }
    }

    private static func walk<Kernel: AggregateKernel>(
        _ empty: Kernel, _ inputs: [Row?], _ starts: [Int], _ ends: [Int], _ context: ExecutionContext,
        retract: ((inout Kernel, Row) throws(EngineError) -> Void)?
    ) throws(EngineError) -> [SQLValue] {
        var state = empty
        var added = 0
        var (low, high) = (0, 0)
        var previous: (start: Int, end: Int, value: SQLValue)?
        var out: [SQLValue] = []
        out.reserveCapacity(starts.count)
        for (start, end) in zip(starts, ends) {
            if let previous, previous.start == start, previous.end == end {
                out.append(previous.value)
                continue
            }
            let value: SQLValue
            if start > end {
                value = try empty.result()
            } else {
                if start > high {  // nothing held is in the frame
                    (state, low, high) = (empty, start, start)
                } else if start > low {
                    if let retract {
                        while low < start {
                            if let row = inputs[low] { try retract(&state, row) }
                            low += 1
                        }
                    } else {
                        (state, low, high) = (empty, start, start)
                    }
                }
                while high <= end {
                    if let row = inputs[high] { try state.add(row) }
                    high += 1
                    added += 1
                    if added & ExecutionContext.cancellationMask == 0 { try context.checkCancellation() }
                }
                value = try state.result()
            }
            previous = (start, end, value)
            out.append(value)
        }
        return out
    }
}
