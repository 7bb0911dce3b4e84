import DBAPICore

/// Window sort keys that are all integers (or NULL), packed into one flat `Int64` array whose
/// plain `<` order is the window order, so sorting a million rows compares machine integers
/// instead of `SQLValue`s. A column with NULLs gets a leading slot that places them first or last;
/// a descending column is stored bit-inverted (`~v` reverses the order without overflow).
struct PackedSortKeys {
    private let slots: [Int64]
    private let width: Int
    /// How many leading slots belong to the partition keys.
    private let partitionSlots: Int
    private let count: Int

    /// nil when some key value is not an integer.
    init?(rows count: Int, _ partitionValues: [SQLValue], partitionWidth: Int, _ orderValues: [SQLValue], keys: [SortKey]) {
        let orderWidth = keys.count
        func value(_ row: Int, _ column: Int) -> SQLValue {
            column < partitionWidth
                ? partitionValues[row * partitionWidth + column] : orderValues[row * orderWidth + column - partitionWidth]
        }
        let columns = partitionWidth + orderWidth
        var hasNulls = [Bool](repeating: false, count: columns)
        for row in 0..<count {
            for column in 0..<columns {
                switch value(row, column) {
                case .int: continue
                case .null: hasNulls[column] = true
                default: return nil
                }
            }
        }
        var width = 0
        var partitionSlots = 0
        for column in 0..<columns {
            width += hasNulls[column] ? 2 : 1
            if column == partitionWidth - 1 { partitionSlots = width }
        }
        var slots: [Int64] = []
        slots.reserveCapacity(count * width)
        for row in 0..<count {
            for column in 0..<columns {
                let key = column < partitionWidth ? nil : keys[column - partitionWidth]
                let nullsFirst = key?.nullsFirst ?? true
                let number: Int64?
                if case .int(let value) = value(row, column) { number = value } else { number = nil }
                if hasNulls[column] { slots.append((number == nil) == nullsFirst ? 0 : 1) }
                let stored = number ?? 0
                slots.append(key?.isAscending ?? true ? stored : ~stored)
            }
        }
        self.slots = slots
        self.width = width
        self.partitionSlots = partitionSlots
        self.count = count
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
