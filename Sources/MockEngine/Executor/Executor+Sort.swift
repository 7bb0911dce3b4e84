import DBAPICore

extension Executor {
    /// The rows of `input` in `keys` order: a stable sort on precomputed keys, NULLs first or last
    /// per key as the plan says.
    ///
    /// With `keep` (a LIMIT above the sort), only the first `keep` rows are returned, and the input
    /// is read into a buffer that is cut back to `keep` rows whenever it grows past twice that, so
    /// `ORDER BY … LIMIT 5` over a large product holds a few rows, not all of them. Ties keep input
    /// order either way, so the rows are the same as a full sort's first `keep`.
    static func sorted(_ input: Plan, _ keys: [SortKey], keep: Int?, _ context: ExecutionContext) throws(EngineError) -> [Row] {
        var entries: [SortEntry] = []
        let bound = keep.flatMap { $0 <= Self.maxKept ? $0 : nil }
        let capacity = bound.map { 2 * $0 + 1_024 }
        var index = 0
        try forEach(input, context) { (row) throws(EngineError) in
            var values: Row = []
            values.reserveCapacity(keys.count)
            for key in keys { values.append(try key.evaluate(row, context)) }
            entries.append(SortEntry(values: values, index: index, row: row))
            index += 1
            if let bound, let capacity, entries.count >= capacity {
                entries.sort { precedes($0, $1, keys) }
                entries.removeLast(entries.count - bound)
            }
            return .more
        }
        entries.sort { precedes($0, $1, keys) }
        if let keep, entries.count > keep { entries.removeLast(entries.count - keep) }
        return entries.map(\.row)
    }

    /// Above this many rows a LIMIT does not bound the sort's buffer (it sorts everything).
    private static let maxKept = 1 << 24

    /// A row with its sort key values and input position (the tie-breaker that keeps sorts stable).
    private struct SortEntry {
        var values: Row
        var index: Int
        var row: Row
    }

    private static func precedes(_ a: SortEntry, _ b: SortEntry, _ keys: [SortKey]) -> Bool {
        for (position, key) in keys.enumerated() {
            let order = ValueOrder.compare(a.values[position], b.values[position], isAscending: key.isAscending, nullsFirst: key.nullsFirst)
            if order != 0 { return order < 0 }
        }
        return a.index < b.index
    }
}
