import DBAPICore

/// Runs a plan. Streaming nodes (scan, filter, project, the probe side of a join) push rows one at
/// a time into their consumer, so a chain like scan → filter → aggregate never materialises an
/// intermediate array; nodes that need all their input (sort, distinct, set operations, the build
/// side of a join) collect it. One `switch` case per node.
enum Executor {
    /// All rows of `plan`.
    static func run(_ plan: Plan, _ context: ExecutionContext) throws(EngineError) -> [Row] {
        switch plan {
        case .scan(let table):
            return table.rows
        case .singleRow:
            return [[]]
        case .filter, .project, .join:
            var rows: [Row] = []
            try forEach(plan, context) { (row) throws(EngineError) in rows.append(row) }
            return rows
        case let .aggregate(input, keys, aggregates):
            return try Aggregation.run(input, keys: keys, aggregates: aggregates, context)
        case let .sort(input, keys):
            return try sort(try run(input, context), keys, context)
        case let .limit(input, limit, offset):
            let rows = try run(input, context)
            let start = min(offset, rows.count)
            let end = limit.map { min(rows.count, start + min($0, rows.count)) } ?? rows.count
            return Array(rows[start..<end])
        case .distinct(let input):
            var seen = Set<Row>()
            return try run(input, context).filter { seen.insert($0).inserted }
        case let .setOperation(op, isAll, left, right):
            return SetOperations.run(op, isAll: isAll, try run(left, context), try run(right, context))
        case let .shared(id, input):
            return try context.cached(id) { () throws(EngineError) in try run(input, context) }
        }
    }

    /// Pushes each row of `plan` into `body`, without materialising streaming nodes.
    static func forEach(_ plan: Plan, _ context: ExecutionContext, _ body: (Row) throws(EngineError) -> Void) throws(EngineError) {
        switch plan {
        case .scan(let table):
            for row in table.rows { try body(row) }
        case let .filter(input, condition):
            try forEach(input, context) { (row) throws(EngineError) in
                if case .bool(true) = try condition(row, context) { try body(row) }
            }
        case let .project(input, evaluators):
            try forEach(input, context) { (row) throws(EngineError) in
                var projected: Row = []
                projected.reserveCapacity(evaluators.count)
                for evaluate in evaluators { projected.append(try evaluate(row, context)) }
                try body(projected)
            }
        case .join(let join):
            try HashJoin.forEach(join, context, body)
        default:
            for row in try run(plan, context) { try body(row) }
        }
    }

    /// A stable sort on precomputed keys; NULLs go first or last per key as the plan says.
    static func sort(_ rows: [Row], _ keys: [SortKey], _ context: ExecutionContext) throws(EngineError) -> [Row] {
        var keyed: [(values: Row, index: Int)] = []
        keyed.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            var values: Row = []
            values.reserveCapacity(keys.count)
            for key in keys { values.append(try key.evaluate(row, context)) }
            keyed.append((values, index))
        }
        keyed.sort { a, b in
            for (position, key) in keys.enumerated() {
                let x = a.values[position]
                let y = b.values[position]
                if x.isNull || y.isNull {
                    if x.isNull && y.isNull { continue }
                    return x.isNull == key.nullsFirst
                }
                let order = ValueOrder.compare(x, y)
                if order != 0 { return key.isAscending ? order < 0 : order > 0 }
            }
            return a.index < b.index
        }
        return keyed.map { rows[$0.index] }
    }
}

/// UNION, INTERSECT and EXCEPT, with and without ALL (rows compare with Spark equality).
enum SetOperations {
    static func run(_ op: SetOperator, isAll: Bool, _ left: [Row], _ right: [Row]) -> [Row] {
        switch (op, isAll) {
        case (.union, true):
            return left + right
        case (.union, false):
            var seen = Set<Row>()
            return (left + right).filter { seen.insert($0).inserted }
        case (.intersect, false):
            let other = Set(right)
            var seen = Set<Row>()
            return left.filter { other.contains($0) && seen.insert($0).inserted }
        case (.intersect, true):
            var counts = multiplicities(right)
            return left.filter { row in
                guard let count = counts[row], count > 0 else { return false }
                counts[row] = count - 1
                return true
            }
        case (.except, false):
            let other = Set(right)
            var seen = Set<Row>()
            return left.filter { !other.contains($0) && seen.insert($0).inserted }
        case (.except, true):
            var counts = multiplicities(right)
            return left.filter { row in
                if let count = counts[row], count > 0 {
                    counts[row] = count - 1
                    return false
                }
                return true
            }
        }
    }

    private static func multiplicities(_ rows: [Row]) -> [Row: Int] {
        var counts: [Row: Int] = [:]
        for row in rows { counts[row, default: 0] += 1 }
        return counts
    }
}
