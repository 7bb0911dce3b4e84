import DBAPICore

extension Planner {
    /// Plans GROUP BY and the aggregate calls of a SELECT; returns the aggregate node and the frame
    /// that maps expressions above it onto its output.
    ///
    /// With grouping sets, an expand node first copies each input row once per set, appending the
    /// grouping keys (NULL where the set leaves a key out), the grouping ID and the set's ordinal (so
    /// a set listed twice yields its groups twice, as in Spark), and the aggregation groups on those
    /// appended columns; aggregate arguments still read the original columns.
    func planAggregation(
        _ select: Select, items: [ProjectionItem], orderBy: [OrderItem], input: Plan, scope: Scope
    ) throws(EngineError) -> (Plan, AggregationFrame) {
        var compiler = ExpressionCompiler(planner: self, scope: scope)
        compiler.refusesOuterReferences = true
        compiler.clause = .aggregate
        let groupExpressions = try resolveGroupBy(select, items: items, scope: scope)
        var keys: [Evaluator] = []
        var keyNames = groupExpressions.map(\.sqlName)
        var types: [SQLType] = []
        var groupColumnIndexes: [Int?] = []
        for expr in groupExpressions {
            let compiled = try compiler.compile(expr)
            keys.append(compiled.evaluate)
            types.append(compiled.type)
            if case .column(let parts) = expr, case .found(0, let index, _) = scope.resolve(parts) {
                groupColumnIndexes.append(index)
            } else {
                groupColumnIndexes.append(nil)
            }
        }
        var calls: [Expr] = []
        let searched =
            items.compactMap { item -> Expr? in
                if case .expression(let expr, _) = item { return expr }
                return nil
            } + [select.having, select.qualify].compactMap { $0 } + orderBy.map(\.expression)
        for expr in searched {
            for call in expr.aggregateCalls where !calls.contains(call) { calls.append(call) }
        }
        var plan = input
        var groupingIDPosition: Int?
        // GROUPING SETS (()) alone is a global aggregate: one row even over no input.
        if let sets = select.groupingSets, !groupExpressions.isEmpty {
            guard groupExpressions.count <= 63 else { throw EngineError.unsupported("grouping sets over more than 63 expressions") }
            let width = scope.columns.count
            let count = groupExpressions.count
            let input: [Evaluator] = (0..<width).map { index in { row, _ in row[index] } }
            let null: Evaluator = { _, _ in .null }
            var projections: [[Evaluator]] = []
            var names: [[String]] = []
            for (ordinal, set) in sets.enumerated() {
                let id = (0..<count).reduce(Int64(0)) { id, index in set.contains(index) ? id : id | (1 << Int64(count - 1 - index)) }
                let grouped: [Evaluator] = keys.indices.map { index in set.contains(index) ? keys[index] : null }
                projections.append(input + grouped + [{ _, _ in .int(id) }, { _, _ in .int(Int64(ordinal)) }])
                names.append(["*"] + keyNames.indices.map { set.contains($0) ? keyNames[$0] : "NULL" } + ["\(id)", "\(ordinal)"])
            }
            plan = .expand(plan, projections: projections, names: names)
            keys = (0...count + 1).map { offset in { row, _ in row[width + offset] } }
            keyNames += ["spark_grouping_id", "_gen_grouping_pos"]
            types += [.bigint, .bigint]
            groupingIDPosition = count
        }
        var specs: [AggregateSpec] = []
        for call in calls {
            var function = call
            if case .modifiedAggregate(let inner, _, _, _) = call { function = inner }
            if case .function(_, let arguments, _, _) = function, arguments.contains(where: { !$0.windowCalls.isEmpty }) {
                throw EngineError.windowInsideAggregate
            }
            let spec = try OuterReferences.planAggregate(call, compiler: compiler)
            specs.append(spec)
            types.append(spec.resultType)
        }
        let frame = AggregationFrame(
            groupExpressions: groupExpressions, groupColumnIndexes: groupColumnIndexes, groupingIDPosition: groupingIDPosition,
            aggregateCalls: calls, types: types)
        return (.aggregate(plan, keys: keys, aggregates: specs, keyNames: keyNames, aggregateNames: calls.map(\.sqlName)), frame)
    }

    /// The grouping expressions with ordinals (`GROUP BY 1`) and select-list aliases replaced by
    /// the expressions they name; for `GROUP BY ALL`, every select item without an aggregate.
    private func resolveGroupBy(_ select: Select, items: [ProjectionItem], scope: Scope) throws(EngineError) -> [Expr] {
        if select.groupByAll {
            let grouped = items.compactMap { item -> Expr? in
                switch item {
                case let .expression(expr, _): expr.aggregateCalls.isEmpty ? expr : nil
                case let .inputColumn(index, _): .column(scope.columns[index].qualifier + [scope.columns[index].name])
                case .generated: nil  // generated after the aggregation
                }
            }
            // `SELECT x + sum(y) … GROUP BY ALL`: Spark does not guess `x` as the grouping column.
            let readsColumn = items.contains { item in
                if case .expression(let expr, _) = item { return expr.readsColumnOutsideAggregates }
                return false
            }
            guard !grouped.isEmpty || !readsColumn else {
                throw EngineError.classified(
                    errorClass: "UNRESOLVED_ALL_IN_GROUP_BY", sqlState: "42803",
                    message: "Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify "
                        + "the grouping columns.")
            }
            return grouped
        }
        var groupExpressions: [Expr] = []
        for expr in select.groupBy {
            var resolved = expr
            if let ordinal = try Self.ordinal(expr, count: items.count) {
                switch items[ordinal] {
                case let .expression(itemExpr, _): resolved = itemExpr
                case let .inputColumn(index, _): resolved = .column(scope.columns[index].qualifier + [scope.columns[index].name])
                case .generated: break  // generated after the aggregation
                }
            } else if case .column(let parts) = expr, parts.count == 1, case .missing = scope.resolve(parts),
                let item = items.first(where: { $0.name.lowercased() == parts[0].lowercased() }),
                case .expression(let itemExpr, _) = item
            {
                resolved = itemExpr  // GROUP BY a select-list alias
            }
            guard resolved.aggregateCalls.isEmpty else {
                throw EngineError.typeMismatch(expression: resolved.sqlName, message: "aggregate functions are not allowed in GROUP BY")
            }
            groupExpressions.append(resolved)
        }
        return groupExpressions
    }
}
