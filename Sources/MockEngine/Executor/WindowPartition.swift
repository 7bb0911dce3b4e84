import DBAPICore

/// One partition of a window group, its rows in window order: computes a window function's value
/// for every row (ranking from peer groups, offsets by position, frames by two monotonic bounds).
struct WindowPartition {
    let rows: [Row]
    /// Row indexes (into `rows`) in window order.
    let indexes: [Int]
    private let orderKeys: [SQLValue]
    private let keys: [SortKey]
    /// For each position, the first and last position of its peer group (equal order keys).
    private let peerStart: [Int]
    private let peerEnd: [Int]

    init(rows: [Row], indexes: ArraySlice<Int>, orderKeys: [SQLValue], _ keys: [SortKey]) {
        self.rows = rows
        self.indexes = Array(indexes)
        self.orderKeys = orderKeys
        self.keys = keys
        let count = indexes.count
        let width = keys.count
        var starts = [Int](repeating: 0, count: count)
        var ends = [Int](repeating: count - 1, count: count)
        var groupStart = 0
        for position in 0..<count where position > 0 {
            let peer = (0..<width).allSatisfy {
                WindowSort.compare(orderKeys[(position - 1) * width + $0], orderKeys[position * width + $0], keys[$0]) == 0
            }
            if !peer {
                for member in groupStart..<position { ends[member] = position - 1 }
                groupStart = position
            }
            starts[position] = groupStart
        }
        peerStart = starts
        peerEnd = ends
    }

    var count: Int { indexes.count }

    /// The value of `function` for each row of the partition, in window order.
    func evaluate(_ function: WindowFunction, _ context: ExecutionContext) throws(EngineError) -> [SQLValue] {
        let count = self.count
        switch function.kind {
        case .rowNumber:
            return (0..<count).map { .int(Int64($0 + 1)) }
        case .rank:
            return peerStart.map { .int(Int64($0 + 1)) }
        case .denseRank:
            var rank: Int64 = 0
            return (0..<count).map { position in
                if peerStart[position] == position { rank += 1 }
                return .int(rank)
            }
        case .percentRank:
            return peerStart.map { count == 1 ? .double(0) : .double(Double($0) / Double(count - 1)) }
        case .cumeDist:
            return peerEnd.map { .double(Double($0 + 1) / Double(count)) }
        case .ntile(let buckets):
            let size = count / Int(buckets)
            let padded = count % Int(buckets)
            let paddedRows = padded * (size + 1)
            return (0..<count).map { position in
                .int(Int64(position < paddedRows ? position / (size + 1) + 1 : padded + (position - paddedRows) / max(size, 1) + 1))
            }
        case .offset(let offset):
            return try offsetValues(function, offset: Int(offset), context)
        case .firstValue, .lastValue, .nthValue:
            let values = try argumentValues(function.arguments[0], context)
            let (starts, ends) = try WindowFrameBounds(partition: self).bounds(function.frame)
            return WindowValueFunctions.evaluate(function.kind, values, ignoresNulls: function.ignoresNulls, starts: starts, ends: ends)
        case .aggregate(let spec):
            let (starts, ends) = try WindowFrameBounds(partition: self).bounds(function.frame)
            if spec.function == .kernel, let makeKernel = spec.makeKernel {
                return try WindowKernelFrames.evaluate(makeKernel(), try kernelInputs(spec, context), starts: starts, ends: ends, context)
            }
            return try WindowAggregates.evaluate(spec, try aggregateInputs(spec, context), starts: starts, ends: ends)
        }
    }

    /// The value of `argument` for each row, in window order.
    func argumentValues(_ argument: Evaluator, _ context: ExecutionContext) throws(EngineError) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(count)
        for index in indexes { values.append(try argument(rows[index], context)) }
        return values
    }

    /// One value per row that a built-in aggregate adds: its argument, or for count a non-NULL
    /// marker when every argument is non-NULL (count(*) always); NULL (skipped) where FILTER is not true.
    private func aggregateInputs(_ spec: AggregateSpec, _ context: ExecutionContext) throws(EngineError) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(count)
        for index in indexes {
            let row = rows[index]
            if let filter = spec.filter, try filter(row, context) != .bool(true) {
                values.append(.null)
            } else if spec.function != .countStar && spec.function != .count {
                values.append(try spec.arguments[0](row, context))
            } else {
                var counted = true
                for argument in spec.arguments where try argument(row, context).isNull { counted = false }
                values.append(counted ? .int(1) : .null)
            }
        }
        return values
    }

    /// The row of arguments (then WITHIN GROUP keys) a kernel adds for each row; nil where FILTER is not true.
    private func kernelInputs(_ spec: AggregateSpec, _ context: ExecutionContext) throws(EngineError) -> [Row?] {
        var inputs: [Row?] = []
        inputs.reserveCapacity(count)
        for index in indexes {
            let row = rows[index]
            if let filter = spec.filter, try filter(row, context) != .bool(true) {
                inputs.append(nil)
                continue
            }
            var arguments: Row = []
            arguments.reserveCapacity(spec.arguments.count)
            for argument in spec.arguments { arguments.append(try argument(row, context)) }
            inputs.append(arguments)
        }
        return inputs
    }

    /// lag/lead: the value `offset` rows away (counting only non-NULL values with IGNORE NULLS),
    /// else the default evaluated on the current row.
    private func offsetValues(_ function: WindowFunction, offset: Int, _ context: ExecutionContext) throws(EngineError) -> [SQLValue] {
        let values = try argumentValues(function.arguments[0], context)
        let defaults = function.arguments.count > 1 ? try argumentValues(function.arguments[1], context) : nil
        let nonNull = function.ignoresNulls ? values.indices.filter { !values[$0].isNull } : []
        var nonNullBefore = 0
        var out: [SQLValue] = []
        out.reserveCapacity(count)
        for position in 0..<count {
            var target: Int?
            if offset == 0 {
                target = position
            } else if !function.ignoresNulls {
                let (candidate, overflow) = position.addingReportingOverflow(offset)
                if !overflow, candidate >= 0, candidate < count { target = candidate }
            } else {
                let here = values[position].isNull ? 0 : 1
                let slot = offset < 0 ? nonNullBefore + offset : nonNullBefore + here + offset - 1
                if slot >= 0, slot < nonNull.count { target = nonNull[slot] }
            }
            if !values[position].isNull { nonNullBefore += 1 }
            out.append(target.map { values[$0] } ?? defaults?[position] ?? .null)
        }
        return out
    }

    // MARK: - Order keys, for frame bounds

    /// The first order key of the row at `position`.
    func firstOrderKey(_ position: Int) -> SQLValue { orderKeys[position * keys.count] }

    var firstKey: SortKey? { keys.first }

    func peers(of position: Int) -> (Int, Int) { (peerStart[position], peerEnd[position]) }
}
