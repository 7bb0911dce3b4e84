import DBAPICore

extension AggregateSpec {
    /// Resolves one aggregate call (a `.function`, or a `.modifiedAggregate` around one) against
    /// the aggregation's input: checks that no aggregate is nested in it, then plans the call.
    static func plan(_ expr: Expr, compiler: ExpressionCompiler) throws(EngineError) -> AggregateSpec {
        var call = expr
        var modifiers = Modifiers()
        if case let .modifiedAggregate(inner, filter, withinGroup, ignoresNulls) = expr {
            call = inner
            modifiers = Modifiers(filter: filter, withinGroup: withinGroup, ignoresNulls: ignoresNulls)
        }
        guard case let .function(name, arguments, isDistinct, isStar) = call else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "FILTER and WITHIN GROUP apply to aggregate functions")
        }
        if let nested = arguments.lazy.flatMap(\.aggregateCalls).first {
            throw EngineError.analysis(
                "NESTED_AGGREGATE_FUNCTION",
                "It is not allowed to use an aggregate function in the argument of another aggregate function (\(nested.sqlName)). "
                    + "Please use the inner aggregate function in a sub-query.")
        }
        return try planCall(
            name, arguments, isDistinct: isDistinct, isStar: isStar, modifiers, compiler: compiler, sqlName: expr.sqlName)
    }

    /// What may follow an aggregate call's parentheses.
    struct Modifiers {
        var filter: Expr?
        var withinGroup: [OrderItem] = []
        var ignoresNulls = false
    }

    /// Plans the aggregate `name(arguments)` with its modifiers: the declaration's checks (arity,
    /// `*`, WITHIN GROUP, IGNORE NULLS), its FILTER, then its type rule. A window aggregate comes here
    /// with arguments that may hold aggregates (`sum(sum(x)) OVER (…)`) compiled by `compiler`.
    static func planCall(
        _ name: String, _ arguments: [Expr], isDistinct: Bool, isStar: Bool, _ modifiers: Modifiers, compiler: ExpressionCompiler,
        sqlName: String
    ) throws(EngineError) -> AggregateSpec {
        guard let declaration = AggregateRegistry.declaration(name) else {
            let clause =
                modifiers.filter != nil ? "FILTER CLAUSE" : modifiers.withinGroup.isEmpty ? "IGNORE NULLS" : "WITHIN GROUP (ORDER BY ...)"
            throw EngineError.unsupportedSyntax(function: name, clause)
        }
        if modifiers.ignoresNulls, !declaration.takesIgnoreNulls { throw EngineError.unsupportedSyntax(function: name, "IGNORE NULLS") }
        if let filterExpr = modifiers.filter, let nested = filterExpr.aggregateCalls.first {
            throw EngineError.analysis(
                "INVALID_AGGREGATE_FILTER.CONTAINS_AGGREGATE",
                "The FILTER expression \"\(filterExpr.sqlName)\" in an aggregate function is invalid. Expected a FILTER expression "
                    + "without an aggregation, but found \"\(nested.sqlName)\".")
        }
        let filter = try modifiers.filter.map { (condition) throws(EngineError) -> Evaluator in
            let compiled = try compiler.compile(condition)
            guard compiled.type == .boolean else {  // a NULL literal is not BOOLEAN here either
                throw EngineError.analysis(
                    "INVALID_AGGREGATE_FILTER.NOT_BOOLEAN",
                    "The FILTER expression \"\(condition.sqlName)\" in an aggregate function is invalid. "
                        + "Expected a FILTER expression of the BOOLEAN type.")
            }
            return compiled.evaluate
        }
        if isStar {
            guard declaration.builtin == .count else {
                throw EngineError.typeMismatch(expression: sqlName, message: "only count accepts *")
            }
            return AggregateSpec(
                function: .countStar, arguments: [], argumentType: .null, resultType: .bigint, isDistinct: false, filter: filter)
        }
        guard declaration.arity.contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(function: name, expected: EngineError.arity(declaration.arity), got: arguments.count)
        }
        let order = modifiers.withinGroup
        switch declaration.withinGroup {
        case .forbidden where !order.isEmpty:
            throw EngineError.unsupportedSyntax(function: name, "WITHIN GROUP (ORDER BY ...)")
        case .required where order.isEmpty:
            throw EngineError.analysis(
                "INVALID_WITHIN_GROUP_EXPRESSION.WITHIN_GROUP_MISSING", "The function `\(name)` requires WITHIN GROUP (ORDER BY …).")
        default: break
        }
        let compiled = try arguments.map { (argument) throws(EngineError) in try compiler.compile(argument) }
        let keys = try order.map { (item) throws(EngineError) in try compiler.compile(item.expression) }
        return try resolved(
            declaration, name: name, arguments: arguments, compiled: compiled, order: order, keys: keys, isDistinct: isDistinct,
            ignoresNulls: modifiers.ignoresNulls, filter: filter, sqlName: sqlName)
    }

    /// An aggregate whose arguments (and WITHIN GROUP keys) are compiled: the declaration's type rule
    /// coerces them and picks the result type.
    static func resolved(
        _ declaration: AggregateDeclaration, name: String, arguments: [Expr], compiled: [CompiledExpr], order: [OrderItem],
        keys: [CompiledExpr], isDistinct: Bool, ignoresNulls: Bool, filter: Evaluator?, sqlName: String
    ) throws(EngineError) -> AggregateSpec {
        let resolution = try declaration.resolve(
            AggregateArguments(
                name: name, types: compiled.map(\.type), argumentNames: arguments.map(\.sqlName),
                constants: zip(arguments, compiled).map { $0.foldedValue($1) }, order: order, orderTypes: keys.map(\.type),
                ignoresNulls: ignoresNulls, sqlName: sqlName))
        var evaluators: [Evaluator] = []
        for (index, argument) in compiled.enumerated() {
            let target = index < resolution.argumentTypes.count ? resolution.argumentTypes[index] : nil
            evaluators.append(target.map { ExpressionCompiler.coerce(argument, to: $0).evaluate } ?? argument.evaluate)
        }
        for (index, key) in keys.enumerated() {
            let target = index < resolution.keyTypes.count ? resolution.keyTypes[index] : nil
            evaluators.append(target.map { ExpressionCompiler.coerce(key, to: $0).evaluate } ?? key.evaluate)
        }
        let argumentType = resolution.argumentTypes.first.flatMap { $0 } ?? compiled.first?.type ?? .null
        if let builtin = declaration.builtin, resolution.makeKernel == nil {
            return AggregateSpec(
                function: builtin, arguments: evaluators, argumentType: argumentType, resultType: resolution.resultType,
                isDistinct: isDistinct, filter: filter)
        }
        return AggregateSpec(
            function: .kernel, arguments: evaluators, argumentType: argumentType, resultType: resolution.resultType,
            isDistinct: isDistinct, filter: filter, makeKernel: resolution.makeKernel)
    }
}

extension EngineError {
    /// `INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX`: `clause` (FILTER CLAUSE, IGNORE NULLS,
    /// WITHIN GROUP (ORDER BY ...)) after a function that does not take it.
    static func unsupportedSyntax(function: String, _ clause: String) -> EngineError {
        .analysis(
            "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
            "Invalid SQL syntax: The function `\(function)` does not support \(clause).")
    }
}
