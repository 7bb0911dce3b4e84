import DBAPICore

extension Planner {
    /// Plans a FROM item: a table or CTE, a derived table, or a join.
    ///
    /// `pushable` are WHERE conjuncts without subqueries. One that resolves entirely within a table
    /// on a row-preserving side of the joins above it also filters that table's scan, so joins see
    /// fewer rows. The WHERE clause still applies on top, so names, types and errors are unchanged.
    func planFrom(_ item: FromItem, outer: Scope?, pushable: [Expr] = []) throws(EngineError) -> PlannedRelation {
        var relation = try planFromItem(item, outer: outer, pushable: pushable)
        if case .join = item { return relation }
        let compiler = ExpressionCompiler(planner: self, scope: Scope(columns: relation.columns, parent: nil))
        for conjunct in pushable where conjunct.referencesColumns {
            guard let condition = try? compiler.compile(conjunct), condition.type == .boolean else { continue }
            relation.plan = .filter(relation.plan, condition.evaluate, condition: conjunct.sqlName)
        }
        return relation
    }

    private func planFromItem(_ item: FromItem, outer: Scope?, pushable: [Expr]) throws(EngineError) -> PlannedRelation {
        switch item {
        case let .table(name, alias, _, _):
            if name.count == 1, let cte = commonTables[name[0].lowercased()] {
                let qualifier = [(alias ?? name[0]).lowercased()]
                let columns = cte.relation.columns.map { ScopeColumn(qualifier: qualifier, name: $0.name, type: $0.type) }
                return PlannedRelation(plan: .shared(id: cte.id, cte.relation.plan, name: name[0]), columns: columns)
            }
            let table = try catalog.table(name)
            let qualifier = alias.map { [$0.lowercased()] } ?? table.name.split(separator: ".").map(String.init)
            let columns = table.columns.map { ScopeColumn(qualifier: qualifier, name: $0.name, type: $0.type) }
            return PlannedRelation(plan: .scan(table), columns: columns)
        case let .subquery(query, alias, columnNames):
            let relation = try Self.renamed(
                try planQuery(query, outer: outer), columnNames, alias: alias ?? "", isInline: query.body.isValues && query.ctes.isEmpty)
            let qualifier = alias.map { [$0.lowercased()] } ?? []
            let columns = relation.columns.map { ScopeColumn(qualifier: qualifier, name: $0.name, type: $0.type) }
            return PlannedRelation(plan: relation.plan, columns: columns)
        case let .pivot(source, pivot, alias):
            return try planPivot(source, pivot, alias: alias, outer: outer)
        case let .unpivot(source, unpivot, alias):
            return try planUnpivot(source, unpivot, alias: alias, outer: outer)
        case .tableFunction(let call):
            return try planTableFunction(call, outer: outer)
        case .lateral(let inner):
            return try planLateralItem(inner, outer: outer)
        case let .lateralView(source, view):
            return try planLateralView(source, view, outer: outer)
        case let .join(kind, left, .lateral(right), condition):
            let leftPreserved: Set<JoinKind> = [.inner, .cross, .left]
            return try planLateralJoin(
                kind, try planFrom(left, outer: outer, pushable: leftPreserved.contains(kind) ? pushable : []), right, condition,
                outer: outer)
        case let .join(kind, left, right, condition):
            let leftPreserved: Set<JoinKind> = [.inner, .cross, .left, .leftSemi, .leftAnti]
            let rightPreserved: Set<JoinKind> = [.inner, .cross, .right]
            return try planJoin(
                kind, try planFrom(left, outer: outer, pushable: leftPreserved.contains(kind) ? pushable : []),
                try planFrom(right, outer: outer, pushable: rightPreserved.contains(kind) ? pushable : []), condition, outer: outer)
        }
    }

    func planJoin(
        _ kind: JoinKind, _ left: PlannedRelation, _ right: PlannedRelation, _ condition: JoinCondition, outer: Scope?
    ) throws(EngineError) -> PlannedRelation {
        let leftScope = Scope(columns: left.columns, parent: outer)
        let rightScope = Scope(columns: right.columns, parent: outer)
        let combined = Scope(columns: left.columns + right.columns, parent: outer)
        var join = JoinPlan(
            kind: kind, left: left.plan, right: right.plan, leftWidth: left.columns.count, rightWidth: right.columns.count,
            leftKeys: [], rightKeys: [], residual: nil, leftKeyNames: [], rightKeyNames: [], residualName: nil)
        let outputColumns = kind == .leftSemi || kind == .leftAnti ? left.columns : left.columns + right.columns
        switch condition {
        case .none:
            return PlannedRelation(plan: .join(join), columns: outputColumns)
        case .on(let expr):
            var residual: [Expr] = []
            for conjunct in expr.conjuncts {
                if case let .binary(.equal, a, b) = conjunct,
                    let key = equiKeys(a, b, leftScope, rightScope) ?? equiKeys(b, a, leftScope, rightScope)
                {
                    join.addKey(key.left, key.right, names: key.names)
                } else {
                    residual.append(conjunct)
                }
            }
            if let first = residual.first {
                let condition = residual.dropFirst().reduce(first) { Expr.binary(.and, $0, $1) }
                var compiler = ExpressionCompiler(planner: self, scope: combined)
                compiler.clause = .join
                let compiled = try compiler.compile(condition)
                try compiler.requireJoinCondition(compiled, condition)
                join.residual = compiled.evaluate
                join.residualName = condition.sqlName
            }
            return PlannedRelation(plan: .join(join), columns: outputColumns)
        case .natural:
            let rightNames = Set(right.columns.filter { !$0.isHidden }.map { $0.name.lowercased() })
            var common: [String] = []
            for column in left.columns where !column.isHidden && rightNames.contains(column.name.lowercased()) {
                if !common.contains(where: { $0.lowercased() == column.name.lowercased() }) { common.append(column.name) }
            }
            return try planJoin(kind, left, right, common.isEmpty ? .none : .using(common), outer: outer)
        case .using(let names):
            var usingLeft: [Int] = []
            var usingRight: [Int] = []
            var usingTypes: [SQLType] = []
            for name in names {
                guard case .found(0, let l, let leftType) = leftScope.resolve([name]) else {
                    throw Self.unresolvedUsingColumn(name, side: "left", left.columns)
                }
                guard case .found(0, let r, let rightType) = rightScope.resolve([name]) else {
                    throw Self.unresolvedUsingColumn(name, side: "right", right.columns)
                }
                guard let type = TypeCoercion.comparison(leftType, rightType) else {
                    throw EngineError.typeMismatch(expression: "USING (\(name))", message: "cannot compare \(leftType) with \(rightType)")
                }
                join.addKey(
                    ExpressionCompiler.coerce(CompiledExpr(type: leftType) { row, _ in row[l] }, to: type).evaluate,
                    ExpressionCompiler.coerce(CompiledExpr(type: rightType) { row, _ in row[r] }, to: type).evaluate, names: (name, name))
                usingLeft.append(l)
                usingRight.append(r)
                usingTypes.append(TypeCoercion.common(leftType, rightType) ?? leftType)
            }
            if kind == .leftSemi || kind == .leftAnti { return PlannedRelation(plan: .join(join), columns: outputColumns) }
            return usingProjection(join, left, right, names, usingLeft, usingRight, usingTypes)
        }
    }

    /// A USING column missing from one side; Spark lists that side's columns in name order.
    private static func unresolvedUsingColumn(_ name: String, side: String, _ columns: [ScopeColumn]) -> EngineError {
        let listed = columns.filter { !$0.isHidden }.map { ColumnSuggestions.quoted($0.name) }.sorted()
        return .analysis(
            "UNRESOLVED_USING_COLUMN_FOR_JOIN",
            "USING column \(ColumnSuggestions.quoted(name)) cannot be resolved on the \(side) side of the join. "
                + "The \(side)-side columns: [\(listed.joined(separator: ", "))].")
    }

    /// Spark's USING output: each USING column once (from the side that is always present, or
    /// coalesced for FULL joins), then the other left and right columns; the per-side copies stay
    /// reachable as `t.k` but are hidden from `*` and unqualified names.
    private func usingProjection(
        _ join: JoinPlan, _ left: PlannedRelation, _ right: PlannedRelation, _ names: [String],
        _ usingLeft: [Int], _ usingRight: [Int], _ types: [SQLType]
    ) -> PlannedRelation {
        let offset = left.columns.count
        var evaluators: [Evaluator] = []
        var columns: [ScopeColumn] = []
        for (position, name) in names.enumerated() {
            let (l, r) = (usingLeft[position], usingRight[position] + offset)
            switch join.kind {
            case .right: evaluators.append { row, _ in row[r] }
            case .full: evaluators.append { row, _ in row[l].isNull ? row[r] : row[l] }
            default: evaluators.append { row, _ in row[l] }
            }
            columns.append(
                ScopeColumn(
                    qualifier: [], name: left.columns[usingLeft[position]].name.isEmpty ? name : left.columns[usingLeft[position]].name,
                    type: types[position]))
        }
        for (index, column) in left.columns.enumerated() where !usingLeft.contains(index) {
            evaluators.append { row, _ in row[index] }
            columns.append(column)
        }
        for (index, column) in right.columns.enumerated() where !usingRight.contains(index) {
            evaluators.append { row, _ in row[index + offset] }
            columns.append(column)
        }
        for index in usingLeft {
            evaluators.append { row, _ in row[index] }
            var column = left.columns[index]
            column.isHidden = true
            columns.append(column)
        }
        for index in usingRight {
            evaluators.append { row, _ in row[index + offset] }
            var column = right.columns[index]
            column.isHidden = true
            columns.append(column)
        }
        var described = columns.map(\.name)
        if join.kind == .full {
            for (position, name) in names.enumerated() { described[position] = "coalesce(\(name), \(name))" }
        }
        return PlannedRelation(plan: .project(.join(join), evaluators, names: described), columns: columns)
    }

    /// Hash-join keys when `a` reads only the left input and `b` only the right one. A side with a
    /// subquery, or reading an enclosing query, stays in the residual condition (compiled once there).
    private func equiKeys(
        _ a: Expr, _ b: Expr, _ leftScope: Scope, _ rightScope: Scope
    ) -> (left: Evaluator, right: Evaluator, names: (left: String, right: String))? {
        guard a.referencesColumns, b.referencesColumns, !a.containsSubquery, !b.containsSubquery else { return nil }
        let outer = leftScope.parent
        let mark = outer?.outerReadCount ?? 0
        guard let left = try? ExpressionCompiler(planner: self, scope: leftScope).compile(a),
            let right = try? ExpressionCompiler(planner: self, scope: rightScope).compile(b),
            let type = TypeCoercion.comparison(left.type, right.type), (outer?.outerReadCount ?? 0) == mark
        else {
            outer?.takeOuterReads(since: mark)
            return nil
        }
        return (
            ExpressionCompiler.coerce(left, to: type).evaluate, ExpressionCompiler.coerce(right, to: type).evaluate, (a.sqlName, b.sqlName)
        )
    }
}

extension JoinPlan {
    /// Adds an equality key: `left` evaluated on the left row, `right` on the right row.
    mutating func addKey(_ left: @escaping Evaluator, _ right: @escaping Evaluator, names: (left: String, right: String)) {
        leftKeys.append(left)
        rightKeys.append(right)
        leftKeyNames.append(names.left)
        rightKeyNames.append(names.right)
    }
}

extension Expr {
    /// The operands of a chain of ANDs.
    var conjuncts: [Expr] {
        if case let .binary(.and, left, right) = self { return left.conjuncts + right.conjuncts }
        return [self]
    }

    /// Whether the expression contains a subquery anywhere.
    var containsSubquery: Bool {
        switch self {
        case .exists, .scalarSubquery, .inSubquery: true
        default: children.contains { $0.containsSubquery }
        }
    }

    /// Whether the expression contains a column reference (and no subquery).
    var referencesColumns: Bool {
        switch self {
        case .column, .window: true
        case .exists, .scalarSubquery, .inSubquery: false
        default: children.contains { $0.referencesColumns }
        }
    }
}
