import DBAPICore

extension Planner {
    /// One output column of a SELECT list before compilation.
    enum ProjectionItem {
        case expression(Expr, name: String)
        /// A column from `*` or `t.*`, already resolved to an input index.
        case inputColumn(index: Int, name: String)
        /// A column a select-list generator appended to the row (see Planner+Generate.swift).
        case generated(position: Int, name: String, type: SQLType)

        var name: String {
            switch self {
            case .expression(_, let name), .inputColumn(_, let name), .generated(_, let name, _): name
            }
        }
    }

    /// Plans a SELECT and the ORDER BY of the enclosing query (which may use columns the SELECT
    /// list does not return). The stages, in order:
    ///
    ///     FROM → WHERE → GROUP BY / aggregates → HAVING → window → QUALIFY → projection → DISTINCT → ORDER BY
    ///
    /// (LIMIT and OFFSET follow in `planQuery`). Each stage reads the previous one's rows: above the
    /// aggregation a row is the group keys then the aggregates (`AggregationFrame`); the window stage
    /// appends one column per window call (`WindowColumns`), which QUALIFY and the projection read.
    func planSelect(_ written: Select, orderBy: [OrderItem], outer: Scope?) throws(EngineError) -> PlannedRelation {
        var select = try Self.resolvingWindowNames(written)
        if select.endsInTrailingComma {
            throw EngineError.analysis(
                "TRAILING_COMMA_IN_SELECT", "Trailing comma detected in SELECT clause. Remove the trailing comma before the FROM clause.")
        }
        if let filter = select.filter, !filter.windowCalls.isEmpty { throw EngineError.windowInClause("WHERE") }
        if let having = select.having, !having.windowCalls.isEmpty { throw EngineError.windowInClause("HAVING") }
        if select.groupBy.contains(where: { !$0.windowCalls.isEmpty }) { throw EngineError.windowInClause("GROUP BY") }
        var pushable: [Expr] = []
        if case .join? = select.from, let filter = select.filter { pushable = filter.conjuncts.filter { !$0.containsSubquery } }
        let source =
            try select.from.map { (from) throws(EngineError) in try planFrom(from, outer: outer, pushable: pushable) }
            ?? PlannedRelation(plan: .singleRow, columns: [])
        let scope = Scope(columns: source.columns, parent: outer)
        let compiler = ExpressionCompiler(planner: self, scope: scope)
        var plan = source.plan
        if let filter = select.filter {
            if !filter.aggregateCalls.isEmpty {
                throw EngineError.analysis(
                    "INVALID_WHERE_CONDITION",
                    "The WHERE condition \"\(filter.sqlName)\" contains invalid expressions: "
                        + filter.aggregateCalls.map(\.sqlName).joined(separator: ", ") + ".")
            }
            var filterCompiler = compiler
            filterCompiler.clause = .filter
            let condition = try filterCompiler.compile(filter)
            try compiler.requireFilterCondition(condition, filter, acceptsNull: false)
            plan = .filter(plan, condition.evaluate, condition: filter.sqlName)
        }
        try Self.checkGeneratorPlacement(select.items)
        var (items, generatorAliases) = try expand(select.items, scope: scope, compiler: compiler)
        let expressions = items.compactMap { item -> Expr? in
            if case .expression(let expr, _) = item { return expr }
            return nil
        }
        if let qualify = select.qualify, !qualify.aggregateCalls.isEmpty { throw EngineError.qualifyAggregate }
        select.qualify = try select.qualify.map { (qualify) throws(EngineError) in try Self.replacingAliases(qualify, items, scope) }
        select.having = try select.having.map { (having) throws(EngineError) in
            try Self.replacingAliases(having, items, scope, aliasesFirst: true)
        }
        let usesAggregates =
            !select.groupBy.isEmpty || select.groupByAll || select.groupingSets != nil
            || (expressions + [select.having, select.qualify].compactMap { $0 } + orderBy.map(\.expression)).contains {
                !$0.aggregateCalls.isEmpty
            }
        var projectionCompiler = compiler
        if usesAggregates {
            let (aggregatePlan, frame) = try planAggregation(select, items: items, orderBy: orderBy, input: plan, scope: scope)
            plan = aggregatePlan
            projectionCompiler.aggregation = frame
            if let having = select.having {
                var havingCompiler = projectionCompiler
                havingCompiler.clause = .having
                let condition = try havingCompiler.compile(having)
                try projectionCompiler.requireFilterCondition(condition, having, acceptsNull: true)
                plan = .filter(plan, condition.evaluate, condition: having.sqlName)
            }
        } else if let having = select.having {
            throw EngineError.typeMismatch(expression: having.sqlName, message: "HAVING needs GROUP BY or an aggregate")
        }
        let generated = try planGenerators(
            &items, aliases: generatorAliases, input: plan, width: projectionCompiler.aggregation?.types.count ?? source.columns.count,
            compiler: projectionCompiler)
        plan = try planWindowAndQualify(
            select, expressions: expressions, input: generated.plan, width: generated.width, compiler: &projectionCompiler)
        // An aggregating query's select list and any ORDER BY may not read an enclosing query.
        var itemCompiler = projectionCompiler
        itemCompiler.refusesOuterReferences = usesAggregates
        var sortCompiler = projectionCompiler
        sortCompiler.refusesOuterReferences = true
        sortCompiler.clause = .sort
        var outputs: [Evaluator] = []
        var names: [String] = []
        var columns: [ScopeColumn] = []
        for item in items {
            let compiled: CompiledExpr
            switch item {
            case let .expression(expr, name):
                compiled = try itemCompiler.compile(expr)
                names.append(expr.sqlName == name ? name : "\(expr.sqlName) AS \(name)")
            case let .inputColumn(index, name):
                names.append(name)
                let column = source.columns[index]
                if let frame = projectionCompiler.aggregation {
                    guard let position = frame.groupColumnIndexes.firstIndex(of: index) else {
                        throw frame.notAggregated(column.name)
                    }
                    compiled = CompiledExpr(type: column.type) { row, _ in row[position] }
                } else {
                    compiled = CompiledExpr(type: column.type) { row, _ in row[index] }
                }
            case let .generated(position, _, type):
                compiled = CompiledExpr(type: type) { row, _ in row[position] }
            }
            outputs.append(compiled.evaluate)
            columns.append(ScopeColumn(qualifier: [], name: item.name, type: compiled.type))
        }
        var keys: [SortKey] = []
        var hidden = 0
        for item in orderBy {
            var position = try Self.ordinal(item.expression, count: items.count)
            if position == nil, case .column(let parts) = item.expression, parts.count == 1 {
                let matches = items.indices.filter { items[$0].name.lowercased() == parts[0].lowercased() }
                if matches.count == 1 { position = matches[0] }
            }
            if position == nil {
                guard item.expression.windowCalls.isEmpty else { throw EngineError.windowInSort }
                guard !select.isDistinct else {
                    throw EngineError.typeMismatch(
                        expression: item.expression.sqlName,
                        message: "with SELECT DISTINCT, ORDER BY expressions must appear in the select list")
                }
                let key = try sortCompiler.compile(item.expression)
                try EngineError.requireOrderable(item, key.type)
                outputs.append(key.evaluate)
                names.append(item.expression.sqlName)
                position = items.count + hidden
                hidden += 1
            }
            let index = position ?? 0
            if index < columns.count { try EngineError.requireOrderable(item.naming(columns[index].name), columns[index].type) }
            keys.append(
                SortKey(
                    evaluate: { row, _ in row[index] }, name: index < items.count ? items[index].name : item.expression.sqlName,
                    isAscending: item.isAscending,
                    nullsFirst: item.effectiveNullsFirst))
        }
        plan = .project(plan, outputs, names: names)
        if select.isDistinct {
            try EngineError.requireNoMapColumns(columns)
            plan = .distinct(plan)
        }
        if !keys.isEmpty { plan = .sort(plan, keys) }
        if hidden > 0 {
            let visible = items.count
            plan = .project(plan, (0..<visible).map { index in { row, _ in row[index] } }, names: items.map(\.name))
        }
        return PlannedRelation(plan: plan, columns: columns)
    }

    /// Expands `*` and `t.*` into the input columns they stand for, and names the other items: by alias,
    /// column name, or the name Spark generates (`ExpressionCompiler.namingForm`); also returns the
    /// multi-part aliases of generator items, by position.
    private func expand(_ items: [SelectItem], scope: Scope, compiler: ExpressionCompiler) throws(EngineError)
        -> ([ProjectionItem], [Int: [String]])
    {
        var expanded: [ProjectionItem] = []
        var aliases: [Int: [String]] = [:]
        for item in items {
            switch item {
            case let .multiAlias(expr, names):
                aliases[expanded.count] = names
                expanded.append(.expression(expr, name: names.first ?? ""))
            case let .expression(expr, alias):
                if let alias, GeneratorFunctions.isGeneratorCall(expr) { aliases[expanded.count] = [alias] }
                let name: String
                if let alias {
                    name = alias
                } else if case .column(let parts) = expr {
                    name = parts.last ?? ""
                } else if case .cast(.column(let parts), _, _) = expr, case .found = scope.resolve(parts) {
                    name = parts.last ?? ""  // Spark names a cast column after the column
                } else {
                    name = compiler.namingForm(expr.resolvingFieldAccess(in: scope)).sqlName
                }
                expanded.append(.expression(expr, name: name))
            case let .star(qualifier, except):
                var matching = scope.columns.indices.filter { index in
                    let column = scope.columns[index]
                    guard !column.isHidden else { return false }
                    return qualifier.map { column.matches(qualifier: $0) } ?? true
                }
                if let qualifier, matching.isEmpty {
                    throw EngineError.unknownTable(qualifier.joined(separator: "."), suggestion: nil)
                }
                let excluded = try StarExcept.columns(except, among: matching, scope: scope, compiler: compiler)
                matching.removeAll(where: excluded.contains)
                expanded += matching.map { .inputColumn(index: $0, name: scope.columns[$0].name) }
            }
        }
        return (expanded, aliases)
    }
}
