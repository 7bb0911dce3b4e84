import DBAPICore

/// Turns a parsed `Query` into an executable `Plan`: resolves tables against the catalog and
/// columns against scopes, checks types, and compiles every expression. An unknown table or
/// column fails here, before any row is read.
struct Planner: Sendable {
    struct CommonTable: Sendable {
        var id: Int
        var relation: PlannedRelation
    }

    let catalog: MockCatalog
    private let idCounter: LockedBox<Int>
    /// Subqueries planned inside expressions, outermost first, for the plan's description.
    private var subqueryLog: LockedBox<[SubqueryPlan]>
    /// CTEs visible at this point, by lower-cased name.
    private(set) var commonTables: [String: CommonTable] = [:]

    init(catalog: MockCatalog) {
        self.catalog = catalog
        self.idCounter = LockedBox(0)
        self.subqueryLog = LockedBox([])
    }

    /// A number unique within the statement (for caching subquery and CTE results).
    func nextID() -> Int {
        idCounter.withLock { value in
            value += 1; return value
        }
    }

    /// Every subquery planned inside an expression of this statement so far, outermost first.
    var subqueries: [SubqueryPlan] { subqueryLog.withLock { $0 } }

    /// Reserves the next place in `subqueries` for a subquery about to be planned, so that the
    /// subqueries inside it follow it.
    func reserveSubquery() -> Int {
        subqueryLog.withLock { log in
            log.append(SubqueryPlan(name: "", isCorrelated: false, plan: .singleRow))
            return log.count - 1
        }
    }

    /// A planner whose subqueries are not part of the plan's description (what it plans is only looked at).
    func discardingSubqueries() -> Planner {
        var planner = self
        planner.subqueryLog = LockedBox([])
        return planner
    }

    /// Records a planned subquery in the place `reserveSubquery()` gave it.
    func recordSubquery(_ subquery: SubqueryPlan, at position: Int) {
        subqueryLog.withLock { $0[position] = subquery }
    }

    /// query := [WITH …] body [ORDER BY …] [LIMIT …] [OFFSET …]
    func planQuery(_ query: Query, outer: Scope?) throws(EngineError) -> PlannedRelation {
        var planner = self
        var defined: Set<String> = []
        for cte in query.ctes {
            guard defined.insert(cte.name.lowercased()).inserted else {
                throw EngineError.analysis("DUPLICATED_CTE_NAMES", "CTE definition can't have duplicate names: `\(cte.name)`.")
            }
            let relation = try Self.renamed(
                try planner.planQuery(cte.query, outer: nil), cte.columnNames, alias: cte.name, isInline: false)
            let columns = relation.columns.map { ScopeColumn(qualifier: [], name: $0.name, type: $0.type) }
            planner.commonTables[cte.name.lowercased()] = CommonTable(
                id: nextID(), relation: PlannedRelation(plan: relation.plan, columns: columns))
        }
        var relation = try planner.planOrdered(query.body, orderBy: query.orderBy, outer: outer)
        if query.limit != nil || query.offset != nil {
            let limit = try query.limit.map { (expr) throws(EngineError) in try planner.constantCount(expr, clause: "LIMIT") }
            let offset = try query.offset.map { (expr) throws(EngineError) in try planner.constantCount(expr, clause: "OFFSET") } ?? 0
            relation.plan = .limit(relation.plan, limit: limit, offset: offset)
        }
        return relation
    }

    func planBody(_ body: QueryBody, outer: Scope?) throws(EngineError) -> PlannedRelation {
        switch body {
        case .select(let select): try planSelect(select, orderBy: [], outer: outer)
        case .nested(let query): try planQuery(query, outer: outer)
        case let .setOperation(op, isAll, left, right): try planSetOperation(op, isAll: isAll, left, right, outer: outer)
        case .values(let rows): try planValues(rows)
        }
    }

    /// A 1-based select-list position (`ORDER BY 2`, `GROUP BY 1`) as a 0-based index.
    static func ordinal(_ expr: Expr, count: Int) throws(EngineError) -> Int? {
        guard case .literal(.int(let position), _) = expr else { return nil }
        guard position >= 1, position <= count else { throw EngineError.invalidGroupingOrdinal(Int(clamping: position), count: count) }
        return Int(position) - 1
    }

    /// The row count of a LIMIT or OFFSET, checked as Spark's analyzer does: a constant INT (not
    /// BIGINT or any other integral type), not NULL, not negative.
    private func constantCount(_ expr: Expr, clause: String) throws(EngineError) -> Int {
        let compiled = try ExpressionCompiler(planner: self, scope: Scope(columns: [], parent: nil)).compile(expr)
        let name = clause.lowercased()
        guard compiled.type == .int else {
            throw EngineError.invalidLimitLike(
                subclass: "DATA_TYPE", expression: expr.sqlName,
                reason: "The \(name) expression must be integer type, but got \"\(compiled.type)\".")
        }
        let value: SQLValue
        if let constant = compiled.constant { value = constant } else { value = try compiled.evaluate([], ExecutionContext(now: 0)) }
        guard case .int(let number) = value, let count = Int(exactly: number) else {
            throw EngineError.invalidLimitLike(
                subclass: "IS_NULL", expression: expr.sqlName, reason: "The evaluated \(name) expression must not be null.")
        }
        guard count >= 0 else {
            throw EngineError.invalidLimitLike(
                subclass: "IS_NEGATIVE", expression: expr.sqlName,
                reason: "The \(name) expression must be equal to or greater than 0, but got \(count).")
        }
        return count
    }

    private func planSetOperation(
        _ op: SetOperator, isAll: Bool, _ leftBody: QueryBody, _ rightBody: QueryBody, outer: Scope?
    ) throws(EngineError) -> PlannedRelation {
        let left = try planBody(leftBody, outer: outer)
        let right = try planBody(rightBody, outer: outer)
        guard left.columns.count == right.columns.count else {
            throw EngineError.analysis(
                "NUM_COLUMNS_MISMATCH",
                "\(op.rawValue) can only be performed on inputs with the same number of columns, but the first input has "
                    + "\(left.columns.count) columns and the second input has \(right.columns.count) columns.")
        }
        var types: [SQLType] = []
        for (index, (a, b)) in zip(left.columns, right.columns).enumerated() {
            guard let type = TypeCoercion.widerPromotingStrings(a.type, b.type) else {
                throw EngineError.analysis(
                    "INCOMPATIBLE_COLUMN_TYPE",
                    "\(op == .union || !isAll ? op.rawValue : op.rawValue + " ALL") can only be performed on tables with compatible "
                        + "column types. The \(EngineError.ordinalWord(index)) column of the second table is \"\(b.type)\" type which "
                        + "is not compatible with \"\(a.type)\" at the same column of the first table..")
            }
            types.append(type)
        }
        if !(op == .union && isAll) { try EngineError.requireNoMapColumns(left.columns) }
        func widened(_ relation: PlannedRelation) -> Plan {
            guard zip(relation.columns, types).contains(where: { $0.type != $1 }) else { return relation.plan }
            let evaluators = relation.columns.enumerated().map { index, column in
                ExpressionCompiler.coerce(CompiledExpr(type: column.type) { row, _ in row[index] }, to: types[index]).evaluate
            }
            let names = zip(relation.columns, types).map { column, type in
                column.type == type ? column.name : Expr.cast(.column([column.name]), type, isTry: false).sqlName
            }
            return .project(relation.plan, evaluators, names: names)
        }
        let columns = zip(left.columns, types).map { ScopeColumn(qualifier: [], name: $0.name, type: $1) }
        return PlannedRelation(plan: .setOperation(op, isAll: isAll, widened(left), widened(right)), columns: columns)
    }
}
