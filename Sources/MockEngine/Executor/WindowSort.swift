import DBAPICore

/// Row indexes sorted by partition keys (any fixed order groups them) then order keys, ties in input order.
struct WindowSort {
    /// Row indexes in window order.
    let order: [Int]
    /// Ranges of `order`, one per partition.
    let partitions: [Range<Int>]
    private let orderWidth: Int
    /// Order key values by row index, `orderWidth` per row.
    private let orderValues: [SQLValue]

    init(_ rows: [Row], _ group: WindowGroup, _ context: ExecutionContext) throws(EngineError) {
        let partitionWidth = group.partitionKeys.count
        orderWidth = group.orderKeys.count
        var partitionValues: [SQLValue] = []
        partitionValues.reserveCapacity(rows.count * partitionWidth)
        var orderValues: [SQLValue] = []
        orderValues.reserveCapacity(rows.count * orderWidth)
        for row in rows {
            for key in group.partitionKeys { partitionValues.append(try key(row, context)) }
            for key in group.orderKeys { orderValues.append(try key.evaluate(row, context)) }
        }
        self.orderValues = orderValues
        let packed = PackedSortKeys(
            rows: rows.count, partitionValues, partitionWidth: partitionWidth, orderValues, keys: group.orderKeys)
        order = packed.sortedIndexes()
        partitions = packed.partitions(of: order)
    }

    /// The order key values of the rows of `range`, in window order, `orderWidth` per row.
    func orderKeys(_ range: Range<Int>) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(range.count * orderWidth)
        for index in order[range] {
            for position in 0..<orderWidth { values.append(orderValues[index * orderWidth + position]) }
        }
        return values
    }

    /// The sign of `a` against `b` in window order for `key` (direction and NULL placement).
    static func compare(_ a: SQLValue, _ b: SQLValue, _ key: SortKey) -> Int {
        if a.isNull || b.isNull {
            if a.isNull && b.isNull { return 0 }
            return a.isNull == key.nullsFirst ? -1 : 1
        }
        let order = ValueOrder.compare(a, b)
        return key.isAscending ? order : -order
    }
}
