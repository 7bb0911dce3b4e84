import DBAPICore

/// The window stage: reads all input rows, and for each group of window calls sorts row indexes by
/// partition keys then order keys (once per group), walks the partitions in that order and fills
/// each call's column. Output rows keep input order, each with the calls' results appended.
enum Window {
    static func run(_ input: Plan, _ stage: WindowPlan, _ context: ExecutionContext) throws(EngineError) -> [Row] {
        let rows = try Executor.run(input, context)
        var columns = [[SQLValue]](repeating: [SQLValue](repeating: .null, count: rows.count), count: stage.width)
        for group in stage.groups {
            let sorted = try WindowSort(rows, group, context)
            for range in sorted.partitions {
                let partition = WindowPartition(
                    rows: rows, indexes: sorted.order[range], orderKeys: sorted.orderKeys(range), group.orderKeys)
                for function in group.functions {
                    let values = try partition.evaluate(function, context)
                    for (position, index) in partition.indexes.enumerated() { columns[function.output][index] = values[position] }
                }
            }
        }
        var out: [Row] = []
        out.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            var extended = row
            extended.reserveCapacity(row.count + stage.width)
            for column in columns { extended.append(column[index]) }
            out.append(extended)
        }
        return out
    }
}
