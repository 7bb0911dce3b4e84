import DBAPICore

/// Window sort keys packed into one flat `Int64` array whose plain `<` order is the window order,
/// so sorting a million rows compares machine integers instead of `SQLValue`s. Integer columns are
/// stored as they are; any other column is replaced by the rank of its value among the column's
/// distinct values (`ValueOrder`, equal values share a rank). A column with NULLs gets a leading
/// slot that places them first or last; a descending column is stored bit-inverted (`~v` reverses
/// the order without overflow).
struct PackedSortKeys {
    private let slots: [Int64]
    private let width: Int
    /// How many leading slots belong to the partition keys.
    private let partitionSlots: Int
    private let count: Int

    init(rows count: Int, _ partitionValues: [SQLValue], partitionWidth: Int, _ orderValues: [SQLValue], keys: [SortKey]) {
        let orderWidth = keys.count
        func value(_ row: Int, _ column: Int) -> SQLValue {
            column < partitionWidth
                ? partitionValues[row * partitionWidth + column] : orderValues[row * orderWidth + column - partitionWidth]
        }
        let columns = partitionWidth + orderWidth
        // Integer columns are read in place; other columns are ranked once.
        var ranked: [[Int64?]?] = []
        var hasNulls: [Bool] = []
        var width = 0
        var partitionSlots = 0
        for column in 0..<columns {
            var isInteger = true
            var hasNull = false
            for row in 0..<count {
                switch value(row, column) {
                case .int: continue
                case .null: hasNull = true
                default: isInteger = false
                }
            }
            ranked.append(isInteger ? nil : Self.ranks((0..<count).map { value($0, column) }))
            hasNulls.append(hasNull)
            width += hasNull ? 2 : 1
            if column == partitionWidth - 1 { partitionSlots = width }
        }
        var slots: [Int64] = []
        slots.reserveCapacity(count * width)
        for row in 0..<count {
            for column in 0..<columns {
                let key = column < partitionWidth ? nil : keys[column - partitionWidth]
                let number: Int64?
                if let ranks = ranked[column] {
                    number = ranks[row]
                } else if case .int(let integer) = value(row, column) {
                    number = integer
                } else {
                    number = nil
                }
                if hasNulls[column] { slots.append((number == nil) == (key?.nullsFirst ?? true) ? 0 : 1) }
                let stored = number ?? 0
                slots.append(key?.isAscending ?? true ? stored : ~stored)
            }
        }
        self.slots = slots
        self.width = width
        self.partitionSlots = partitionSlots
        self.count = count
    }

    /// Each value's rank among the column's distinct values in `ValueOrder` (nil for NULL).
    private static func ranks(_ values: [SQLValue]) -> [Int64?] {
        func isNaN(_ value: SQLValue) -> Bool { if case .double(let number) = value { number.isNaN } else { false } }
        var positions: [SQLValue: Int] = [:]
        var distinct: [SQLValue] = []
        for value in values where !value.isNull && !isNaN(value) && positions[value] == nil {
            positions[value] = distinct.count
            distinct.append(value)
        }
        let sorted = distinct.indices.sorted { ValueOrder.compare(distinct[$0], distinct[$1]) < 0 }
        var ranks = [Int64](repeating: 0, count: distinct.count)
        var rank: Int64 = 0
        for (place, position) in sorted.enumerated() {
            if place > 0, ValueOrder.compare(distinct[sorted[place - 1]], distinct[position]) != 0 { rank += 1 }
            ranks[position] = rank
        }
        // NaN is not equal to itself (no dictionary entry); Spark sorts it after every other double.
        return values.map { value in
            if value.isNull { return nil }
            return positions[value].map { ranks[$0] } ?? rank + 1
        }
    }

    /// Row indexes in window order; ties keep input order.
    func sortedIndexes() -> [Int] {
        var order = Array(0..<count)
        let width = self.width
        slots.withUnsafeBufferPointer { keys in
            order.sort { a, b in
                var x = a * width
                var y = b * width
                for _ in 0..<width {
                    if keys[x] != keys[y] { return keys[x] < keys[y] }
                    x += 1
                    y += 1
                }
                return a < b
            }
        }
        return order
    }

    /// The ranges of `order` that share partition keys.
    func partitions(of order: [Int]) -> [Range<Int>] {
        guard !order.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        for position in 1..<order.count {
            let (a, b) = (order[position - 1] * width, order[position] * width)
            if (0..<partitionSlots).contains(where: { slots[a + $0] != slots[b + $0] }) {
                ranges.append(start..<position)
                start = position
            }
        }
        ranges.append(start..<order.count)
        return ranges
    }
}
