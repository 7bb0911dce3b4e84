/// The tables a statement reads, found in its syntax tree (nothing is resolved or planned): every
/// table named in a FROM clause, a join, a subquery or a CTE's body, except the names of CTEs in
/// scope where they are used.
struct TablesRead {
    /// Dotted names in the order first written, each once (compared without letter case).
    private(set) var names: [String] = []
    private var seen: Set<String> = []

    mutating func add(_ query: Query, ctes outer: Set<String>) {
        var ctes = outer
        for cte in query.ctes {
            add(cte.query, ctes: ctes)  // a CTE sees those before it, not itself
            ctes.insert(cte.name.lowercased())
        }
        add(query.body, ctes: ctes)
        for expression in query.orderBy.map(\.expression) + [query.limit, query.offset].compactMap({ $0 }) {
            add(expression, ctes: ctes)
        }
    }

    private mutating func add(_ body: QueryBody, ctes: Set<String>) {
        switch body {
        case .select(let select):
            for item in select.items {
                switch item {
                case .expression(let expression, _), .multiAlias(let expression, _): add(expression, ctes: ctes)
                case .star: break
                }
            }
            if let from = select.from { add(from, ctes: ctes) }
            for expression in select.groupBy + [select.filter, select.having, select.qualify].compactMap({ $0 }) {
                add(expression, ctes: ctes)
            }
        case .nested(let query): add(query, ctes: ctes)
        case let .setOperation(_, _, left, right):
            add(left, ctes: ctes)
            add(right, ctes: ctes)
        case .values(let rows):
            for expression in rows.joined() { add(expression, ctes: ctes) }
        }
    }

    private mutating func add(_ item: FromItem, ctes: Set<String>) {
        switch item {
        case .table(let name, _, _, _):
            if name.count == 1, let only = name.first, ctes.contains(only.lowercased()) { return }
            let dotted = name.joined(separator: ".")
            if seen.insert(dotted.lowercased()).inserted { names.append(dotted) }
        case .subquery(let query, _, _): add(query, ctes: ctes)
        case let .join(_, left, right, condition):
            add(left, ctes: ctes)
            add(right, ctes: ctes)
            if case .on(let expression) = condition { add(expression, ctes: ctes) }
        case .pivot(let source, _, _), .unpivot(let source, _, _), .lateral(let source): add(source, ctes: ctes)
        case .tableFunction(let call):
            for argument in call.arguments { add(argument, ctes: ctes) }
        case let .lateralView(source, view):
            add(source, ctes: ctes)
            for argument in view.arguments { add(argument, ctes: ctes) }
        }
    }

    private mutating func add(_ expression: Expr, ctes: Set<String>) {
        switch expression {
        case .exists(let query, _), .scalarSubquery(let query): add(query, ctes: ctes)
        case .inSubquery(_, let query, _): add(query, ctes: ctes)
        default: break
        }
        for child in expression.children { add(child, ctes: ctes) }
    }
}

extension SQLEngine {
    /// The tables `sql` reads, as written (dotted), in the order first named, each once; CTE names
    /// are not tables. Nothing is looked up: the tables need not exist in the mock data.
    ///
    /// - Throws: `EngineError` when `sql` is not a statement the engine can parse.
    public static func tablesRead(by sql: String) throws(EngineError) -> [String] {
        try LargeStack.run { () throws(EngineError) in
            var tables = TablesRead()
            tables.add(try Parser.parse(sql), ctes: [])
            return tables.names
        }
    }
}
