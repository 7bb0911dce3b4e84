import DBAPICore

/// A query body planned with its ORDER BY: a SELECT sorts with its own scope (input columns and aggregates
/// in reach), any other body by its output columns. `ORDER BY ALL [ASC | DESC] [NULLS FIRST | LAST]`, when
/// `ALL` is no column the query can read, sorts by every output column in order with that direction and
/// null order, as Spark's analyzer rewrites it.
extension Planner {
    func planOrdered(_ body: QueryBody, orderBy: [OrderItem], outer: Scope?) throws(EngineError) -> PlannedRelation {
        do {
            return try planSorted(body, orderBy: orderBy, outer: outer)
        } catch {
            // `ALL` did not plan as a column (or as an expression under DISTINCT): the rewrite applies.
            guard orderBy.count == 1, case .column(let parts) = orderBy[0].expression, parts.count == 1, parts[0].lowercased() == "all"
            else { throw error }
            let count = try planBody(body, outer: outer).columns.count
            let all = (0..<count).map { index in
                OrderItem(
                    expression: .literal(.int(Int64(index + 1)), .int), isAscending: orderBy[0].isAscending,
                    nullsFirst: orderBy[0].nullsFirst)
            }
            return try planSorted(body, orderBy: all, outer: outer)
        }
    }

    private func planSorted(_ body: QueryBody, orderBy: [OrderItem], outer: Scope?) throws(EngineError) -> PlannedRelation {
        if case .select(let select) = body { return try planSelect(select, orderBy: orderBy, outer: outer) }
        var relation = try planBody(body, outer: outer)
        guard !orderBy.isEmpty else { return relation }
        let scope = Scope(columns: relation.columns, parent: outer)
        var compiler = ExpressionCompiler(planner: self, scope: scope)
        compiler.refusesOuterReferences = true
        compiler.clause = .sort
        var keys: [SortKey] = []
        for item in orderBy {
            let evaluate: Evaluator
            var name = item.expression.sqlName
            if let ordinal = try Self.ordinal(item.expression, count: relation.columns.count) {
                try EngineError.requireOrderable(item.naming(relation.columns[ordinal].name), relation.columns[ordinal].type)
                evaluate = { row, _ in row[ordinal] }
                name = relation.columns[ordinal].name
            } else {
                let key = try compiler.compile(item.expression)
                try EngineError.requireOrderable(item, key.type)
                evaluate = key.evaluate
            }
            keys.append(SortKey(evaluate: evaluate, name: name, isAscending: item.isAscending, nullsFirst: item.effectiveNullsFirst))
        }
        relation.plan = .sort(relation.plan, keys)
        return relation
    }
}

extension OrderItem {
    /// This item sorting by output column `name` (an ordinal's column, as Spark names it in messages).
    func naming(_ name: String) -> OrderItem {
        OrderItem(expression: .column([name]), isAscending: isAscending, nullsFirst: nullsFirst)
    }
}
