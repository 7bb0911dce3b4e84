import DBAPICore

/// Joins two inputs: by hashing the right side on the equality keys when there are any, by
/// nested loops otherwise; the residual condition filters candidate pairs. NULL keys never match.
enum HashJoin {
    /// Streams the joined rows into `body`: the right input is collected and hashed, the left input
    /// is streamed through it, and stops when `body` has enough.
    static func forEach(
        _ join: JoinPlan, _ context: ExecutionContext, _ body: (Row) throws(EngineError) -> RowDemand
    ) throws(EngineError) {
        let right = try Executor.run(join.right, context)
        var rightMatched = [Bool](repeating: false, count: join.kind == .right || join.kind == .full ? right.count : 0)
        let nullLeft = Row(repeating: .null, count: join.leftWidth)
        let nullRight = Row(repeating: .null, count: join.rightWidth)

        var buckets: [SQLValue: [Int]] = [:]
        var multiBuckets: [Row: [Int]] = [:]
        let useHash = !join.rightKeys.isEmpty
        if useHash {
            for (index, row) in right.enumerated() {
                if join.rightKeys.count == 1 {
                    let key = try join.rightKeys[0](row, context)
                    if !key.isNull { buckets[key, default: []].append(index) }
                } else if let key = try keyRow(join.rightKeys, row, context) {
                    multiBuckets[key, default: []].append(index)
                }
            }
        }
        let allRight = Array(right.indices)
        // One buffer for joined rows: a consumer that keeps a row forces a copy (copy-on-write),
        // one that only reads it (aggregation) costs no allocation per match.
        var joined: Row = []
        joined.reserveCapacity(join.leftWidth + join.rightWidth)
        var stopped = false
        var pairs = 0
        try Executor.forEach(join.left, context) { (leftRow) throws(EngineError) in
            var candidates: [Int] = allRight
            if useHash {
                if join.leftKeys.count == 1 {
                    let key = try join.leftKeys[0](leftRow, context)
                    candidates = key.isNull ? [] : buckets[key] ?? []
                } else {
                    candidates = try keyRow(join.leftKeys, leftRow, context).flatMap { multiBuckets[$0] } ?? []
                }
            }
            var matched = false
            for index in candidates {
                pairs &+= 1
                if pairs & ExecutionContext.cancellationMask == 0 { try context.checkCancellation() }
                joined.removeAll(keepingCapacity: true)
                joined.append(contentsOf: leftRow)
                joined.append(contentsOf: right[index])
                if let residual = join.residual {
                    guard case .bool(true) = try residual(joined, context) else { continue }
                }
                matched = true
                if join.kind == .leftSemi || join.kind == .leftAnti { break }
                if !rightMatched.isEmpty { rightMatched[index] = true }
                if try body(joined) == .done {
                    stopped = true
                    return .done
                }
            }
            let demand: RowDemand
            switch join.kind {
            case .leftSemi where matched: demand = try body(leftRow)
            case .leftAnti where !matched: demand = try body(leftRow)
            case .left where !matched, .full where !matched: demand = try body(leftRow + nullRight)
            default: demand = .more
            }
            stopped = demand == .done
            return demand
        }
        guard !stopped else { return }
        for (index, wasMatched) in rightMatched.enumerated() where !wasMatched {
            if try body(nullLeft + right[index]) == .done { return }
        }
    }

    private static func keyRow(_ keys: [Evaluator], _ row: Row, _ context: ExecutionContext) throws(EngineError) -> Row? {
        var values: Row = []
        values.reserveCapacity(keys.count)
        for key in keys {
            let value = try key(row, context)
            if value.isNull { return nil }
            values.append(value)
        }
        return values
    }
}
