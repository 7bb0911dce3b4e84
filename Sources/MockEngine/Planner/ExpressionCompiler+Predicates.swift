import DBAPICore

extension ExpressionCompiler {
    func compileInList(_ operand: Expr, _ items: [Expr], negated: Bool, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let value = try compile(operand)
        let compiledItems = try items.map { (item) throws(EngineError) in try compile(item) }
        var type = value.type
        for item in compiledItems {
            guard let common = Comparison.comparedType(type, item.type) else {
                throw EngineError.dataDiffTypes(expr.sqlName, function: "in", [value.type] + compiledItems.map(\.type))
            }
            type = common
        }
        // Spark folds a NULL value to NULL, and a list of NULLs only (OptimizeIn makes `x IN (NULL)` `x = NULL`) unless
        // `x` is a constant, which it evaluates first (`CAST('x' AS INT) IN (NULL)` fails).
        let onlyNulls = !compiledItems.isEmpty && compiledItems.allSatisfy(\.isNullConstant) && !operand.isFoldable
        if value.isNullConstant || onlyNulls { return CompiledExpr(constant: .null, type: .boolean) }
        let needle = Self.coerce(value, to: type).evaluate
        let coerced = compiledItems.map { Self.coerce($0, to: type) }
        if coerced.allSatisfy({ $0.constant != nil }) {
            let constants = coerced.compactMap(\.constant)
            let hasNull = constants.contains { $0.isNull }
            let set = Set(constants.filter { !$0.isNull })
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                let probe = try needle(row, context)
                if probe.isNull { return .null }
                if set.contains(probe) { return .bool(!negated) }
                return hasNull ? .null : .bool(negated)
            }
        }
        let evaluators = coerced.map(\.evaluate)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let probe = try needle(row, context)
            if probe.isNull { return .null }
            var sawNull = false
            for evaluate in evaluators {
                let candidate = try evaluate(row, context)
                if candidate.isNull {
                    sawNull = true
                } else if ValueOrder.compare(candidate, probe) == 0 {
                    return .bool(!negated)
                }
            }
            return sawNull ? .null : .bool(negated)
        }
    }

    /// Plans `query` as a subquery of this scope, named `name` in the plan's description; the
    /// evaluator runs it once if it is uncorrelated, or once per outer row if it reads outer
    /// columns, and stops it after `rowsNeeded` rows (EXISTS needs one, a scalar subquery two to
    /// tell that it has too many).
    private func planSubquery(_ query: Query, name: String, rowsNeeded: Int? = nil) throws(EngineError) -> (
        relation: PlannedRelation, run: @Sendable (Row, ExecutionContext) throws(EngineError) -> [Row], isCorrelated: Bool
    ) {
        let before = scope.outerReadsInChain
        let position = planner.reserveSubquery()
        let relation = try planner.planQuery(query, outer: scope)
        let isCorrelated = scope.outerReadsInChain != before
        let plan = relation.plan
        planner.recordSubquery(SubqueryPlan(name: name, isCorrelated: isCorrelated, plan: plan), at: position)
        if isCorrelated {
            return (
                relation,
                { row, context throws(EngineError) in
                    try context.withOuterRow(row) { () throws(EngineError) in
                        try Executor.rows(plan, context, atMost: rowsNeeded)
                    }
                },
                true
            )
        }
        let id = planner.nextID()
        return (
            relation,
            { _, context throws(EngineError) in
                try context.cached(id) { () throws(EngineError) in try Executor.rows(plan, context, atMost: rowsNeeded) }
            },
            false
        )
    }

    func compileInSubquery(_ operand: Expr, _ query: Query, negated: Bool, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let value = try compile(operand)
        let (relation, run, _) = try planSubquery(query, name: "listquery()")
        if case .function("named_struct", let fields, false, false) = operand, fields.count >= 4, fields.count % 2 == 0 {
            return try compileRowInSubquery(fields, relation, run, negated: negated, expr)
        }
        guard relation.columns.count == 1 else {
            throw EngineError.typeMismatch(
                expression: expr.sqlName, message: "the IN subquery must return one column, it returns \(relation.columns.count)")
        }
        let columnType = relation.columns[0].type
        guard let type = TypeCoercion.comparison(value.type, columnType) else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "cannot compare \(value.type) with \(columnType) in IN")
        }
        let needle = Self.coerce(value, to: type).evaluate
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let probe = try needle(row, context)
            let candidates = try run(row, context)
            // NULL IN (empty) is false and NULL NOT IN (empty) true: Spark's null-aware anti join keeps the row.
            if probe.isNull { return candidates.isEmpty ? .bool(negated) : .null }
            var sawNull = false
            for candidateRow in candidates {
                let candidate = try Cast.value(candidateRow[0], from: columnType, to: type)
                if candidate.isNull {
                    sawNull = true
                } else if ValueOrder.compare(candidate, probe) == 0 {
                    return .bool(!negated)
                }
            }
            return sawNull ? .null : .bool(negated)
        }
    }

    func compileExists(_ query: Query, negated: Bool) throws(EngineError) -> CompiledExpr {
        let (_, run, _) = try planSubquery(query, name: "exists()", rowsNeeded: 1)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            .bool(try run(row, context).isEmpty == negated)
        }
    }

    func compileScalarSubquery(_ query: Query) throws(EngineError) -> CompiledExpr {
        let (relation, run, isCorrelated) = try planSubquery(query, name: "scalarsubquery()", rowsNeeded: 2)
        if isCorrelated, clause == .sort { throw OuterReferences.scalarSubqueryInSort }
        if isCorrelated, aggregation != nil, refusesOuterReferences, clause == .selectList {  // an aggregating select list
            throw EngineError.analysis(
                "SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION",
                "The correlated scalar subquery '\"scalarsubquery(\(outerReferenceNames(query)))\"' is neither present in GROUP BY, "
                    + "nor in an aggregate function.")
        }
        guard relation.columns.count == 1 else {
            throw EngineError.typeMismatch(
                expression: "scalarsubquery()", message: "a scalar subquery must return one column, it returns \(relation.columns.count)")
        }
        return CompiledExpr(type: relation.columns[0].type) { row, context throws(EngineError) in
            let rows = try run(row, context)
            guard rows.count <= 1 else { throw EngineError.subqueryReturnedMoreThanOneRow }
            return rows.first?.first ?? .null
        }
    }

    func compileLike(
        _ operand: Expr, _ pattern: Expr, caseInsensitive: Bool, negated: Bool, escape: Character, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let name = caseInsensitive ? "ilike" : "like"
        let compiledOperand = try compile(operand)
        let text = try ScalarCall.implicitCast(compiledOperand, to: .string, name, expr)
        let compiledPattern = try compile(pattern)
        let patternEvaluator = try ScalarCall.implicitCast(compiledPattern, to: .string, name, expr)
        if compiledOperand.isNullConstant || compiledPattern.isNullConstant { return CompiledExpr(constant: .null, type: .boolean) }
        if case .string(let constant)? = compiledPattern.constant {
            let matcher = try LikePattern(caseInsensitive ? constant.lowercased() : constant, escape: escape)
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .bool(matcher.matches(caseInsensitive ? value.lowercased() : value) != negated)
            }
        }
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            guard case .string(let value) = try text(row, context), case .string(let pattern) = try patternEvaluator(row, context) else {
                return .null
            }
            let matcher = try LikePattern(caseInsensitive ? pattern.lowercased() : pattern, escape: escape)
            return .bool(matcher.matches(caseInsensitive ? value.lowercased() : value) != negated)
        }
    }

    /// `x [NOT] LIKE ANY|ALL (patterns)`: NULL for a NULL `x`; otherwise whether any (all) of the
    /// patterns match (with NOT: fail to match).
    func compileQuantifiedLike(
        _ operand: Expr, _ patterns: [String], isAll: Bool, negated: Bool, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let text = try ScalarCall.implicitCast(try compile(operand), to: .string, "like", expr)
        var compiled: [LikePattern] = []
        for pattern in patterns { compiled.append(try LikePattern(pattern)) }
        let matchers = compiled
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            guard case .string(let value) = try text(row, context) else { return .null }
            let test = { (matcher: LikePattern) in matcher.matches(value) != negated }
            return .bool(isAll ? matchers.allSatisfy(test) : matchers.contains(where: test))
        }
    }
}
