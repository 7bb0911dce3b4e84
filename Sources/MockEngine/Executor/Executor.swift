import DBAPICore

/// A consumer's answer to each row it is handed: keep them coming, or stop (LIMIT, EXISTS and
/// scalar subqueries stop once they have enough rows).
enum RowDemand {
    case more
    case done
}

/// Runs a plan. Rows are pushed one at a time from producers into consumers, and a consumer that
/// has enough says so, which stops every producer under it: `SELECT * FROM a CROSS JOIN b LIMIT 5`
/// reads five left rows, not the whole product. Nodes that need all their input (sort, aggregate,
/// the build side of a join, the right side of INTERSECT/EXCEPT) collect it first; a sort under a
/// LIMIT keeps only the rows the limit can return. One `switch` case per node.
enum Executor {
    /// All rows of `plan`.
    static func run(_ plan: Plan, _ context: ExecutionContext) throws(EngineError) -> [Row] {
        switch plan {
        case .scan(let table):
            return table.rows
        case let .aggregate(input, keys, aggregates, _, _):
            return try Aggregation.run(input, keys: keys, aggregates: aggregates, context)
        case let .sort(input, keys):
            return try sorted(input, keys, keep: nil, context)
        case let .window(input, stage):
            return try Window.run(input, stage, context)
        default:
            return try rows(plan, context, atMost: nil)
        }
    }

    /// The first `limit` rows of `plan` (all with nil); its producers stop once there are enough.
    static func rows(_ plan: Plan, _ context: ExecutionContext, atMost limit: Int?) throws(EngineError) -> [Row] {
        var rows: [Row] = []
        if limit == 0 { return rows }
        try forEach(plan, context) { (row) throws(EngineError) in
            rows.append(row)
            return rows.count == limit ? .done : .more
        }
        return rows
    }

    /// Pushes each row of `plan` into `body` until `body` answers `.done` or the rows run out.
    ///
    /// - Parameter keep: a hint that the consumer takes at most this many rows, so a sort need not
    ///   hold more (passed only through nodes that produce one row per input row).
    static func forEach(
        _ plan: Plan, _ context: ExecutionContext, keep: Int? = nil, _ body: (Row) throws(EngineError) -> RowDemand
    ) throws(EngineError) {
        switch plan {
        case .scan(let table):
            for (index, row) in table.rows.enumerated() {
                if index & ExecutionContext.cancellationMask == ExecutionContext.cancellationMask { try context.checkCancellation() }
                if try body(row) == .done { return }
            }
        case .singleRow:
            _ = try body([])
        case let .expand(input, projections, _):
            try forEach(input, context) { (row) throws(EngineError) in
                for evaluators in projections {
                    var projected: Row = []
                    projected.reserveCapacity(evaluators.count)
                    for evaluate in evaluators { projected.append(try evaluate(row, context)) }
                    if try body(projected) == .done { return .done }
                }
                return .more
            }
        case .values(let rows, _):
            for evaluators in rows {
                var row: Row = []
                row.reserveCapacity(evaluators.count)
                for evaluate in evaluators { row.append(try evaluate([], context)) }
                if try body(row) == .done { return }
            }
        case let .filter(input, condition, _):
            try forEach(input, context) { (row) throws(EngineError) in
                guard case .bool(true) = try condition(row, context) else { return .more }
                return try body(row)
            }
        case let .project(input, evaluators, _):
            try forEach(input, context, keep: keep) { (row) throws(EngineError) in
                var projected: Row = []
                projected.reserveCapacity(evaluators.count)
                for evaluate in evaluators { projected.append(try evaluate(row, context)) }
                return try body(projected)
            }
        case .join(let join):
            try HashJoin.forEach(join, context, body)
        case let .limit(input, limit, offset):
            // Skips `offset` rows, then stops the input after `limit` rows.
            if limit == 0 { return }
            let (end, overflow) = offset.addingReportingOverflow(limit ?? 0)
            var skipped = 0
            var taken = 0
            try forEach(input, context, keep: limit != nil && !overflow ? end : nil) { (row) throws(EngineError) in
                if skipped < offset {
                    skipped += 1
                    return .more
                }
                taken += 1
                if try body(row) == .done { return .done }
                return taken == limit ? .done : .more
            }
        case .distinct(let input):
            var seen = Set<Row>()
            try forEach(input, context) { (row) throws(EngineError) in seen.insert(row).inserted ? try body(row) : .more }
        case let .setOperation(op, isAll, left, right):
            // UNION streams both sides; INTERSECT and EXCEPT collect the right side, stream the left.
            var seen = Set<Row>()
            var stopped = false
            if op == .union {
                for side in [left, right] where !stopped {
                    try forEach(side, context) { (row) throws(EngineError) in
                        guard isAll || seen.insert(row).inserted else { return .more }
                        stopped = try body(row) == .done
                        return stopped ? .done : .more
                    }
                }
                return
            }
            var counts = SetOperations.multiplicities(try run(right, context))
            let keepsMatches = op == .intersect
            try forEach(left, context) { (row) throws(EngineError) in
                let matched = isAll ? SetOperations.take(row, from: &counts) : counts[row] != nil
                guard matched == keepsMatches, isAll || seen.insert(row).inserted else { return .more }
                return try body(row)
            }
        case let .shared(id, input, _):
            // A CTE: computed on first use and kept, unless its consumer stopped early (then the rows
            // so far are dropped, and a later use computes it again), so LIMIT still streams.
            if let rows = context.cachedRows(id) {
                for row in rows {
                    if try body(row) == .done { return }
                }
                return
            }
            var rows: [Row] = []
            var stopped = false
            try forEach(input, context) { (row) throws(EngineError) in
                rows.append(row)
                stopped = try body(row) == .done
                return stopped ? .done : .more
            }
            if !stopped { context.keep(rows, for: id) }
        case let .sort(input, keys):
            for row in try sorted(input, keys, keep: keep, context) {
                if try body(row) == .done { return }
            }
        case .aggregate, .window:
            for row in try run(plan, context) {
                if try body(row) == .done { return }
            }
        }
    }
}
