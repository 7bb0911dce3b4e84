import DBAPICore

/// The window stage of a SELECT (after HAVING, before QUALIFY and the projection).
extension Planner {
    /// `select` with every `OVER name` replaced by the window the WINDOW clause defines for it.
    static func resolvingWindowNames(_ select: Select) throws(EngineError) -> Select {
        var resolved = select
        func resolve(_ expr: Expr) throws(EngineError) -> Expr {
            let mapped = try expr.mapChildren(resolve)
            guard case .window(var call) = mapped, case .named(let name) = call.window else { return mapped }
            call.window = .inline(try namedWindow(name, in: select.windows))
            return .window(call)
        }
        for index in resolved.items.indices {
            if case let .expression(expr, alias) = resolved.items[index] {
                resolved.items[index] = .expression(try resolve(expr), alias: alias)
            }
        }
        resolved.qualify = try select.qualify.map(resolve)
        resolved.having = try select.having.map(resolve)
        return resolved
    }

    /// The window named `name`, following `WINDOW w2 AS w1` references (at most once per definition).
    private static func namedWindow(_ name: String, in windows: [NamedWindow]) throws(EngineError) -> WindowSpec {
        var current = name
        for _ in 0...windows.count {
            guard let definition = windows.last(where: { $0.name.lowercased() == current.lowercased() }) else { break }
            switch definition.window {
            case .inline(let spec): return spec
            case .named(let next): current = next
            }
        }
        throw EngineError.missingWindow(current)
    }

    /// Plans the window stage for `calls` over rows of `inputWidth` columns; `compiler` compiles
    /// their arguments, partition and order keys against those rows (group keys and aggregates
    /// when the query aggregates).
    func planWindowStage(_ calls: [WindowCall], compiler: ExpressionCompiler, inputWidth: Int) throws(EngineError) -> (
        WindowPlan, WindowColumns
    ) {
        var groups: [WindowGroup] = []
        var groupSpecs: [WindowSpec] = []
        var types: [SQLType] = []
        for (output, call) in calls.enumerated() {
            guard case .inline(let spec) = call.window else { throw EngineError.missingWindow(Expr.window(call).sqlName) }
            if (call.arguments + spec.expressions).contains(where: { !$0.windowCalls.isEmpty }) {
                throw EngineError.unsupported("a window function inside another window function")
            }
            let (function, type) = try WindowFunctions.compile(call, spec, output: output, compiler: compiler)
            types.append(type)
            let key = WindowSpec(partitionBy: spec.partitionBy, orderBy: spec.orderBy)
            if let index = groupSpecs.firstIndex(of: key) {
                groups[index].functions.append(function)
                groups[index].functionNames.append(WindowSpecText.functionText(call))
                continue
            }
            var partitionKeys: [Evaluator] = []
            for expr in spec.partitionBy { partitionKeys.append(try compiler.compile(expr).evaluate) }
            var orderKeys: [SortKey] = []
            for item in spec.orderBy {
                orderKeys.append(
                    SortKey(
                        evaluate: try compiler.compile(item.expression).evaluate, name: item.expression.sqlName,
                        isAscending: item.isAscending, nullsFirst: item.effectiveNullsFirst))
            }
            groupSpecs.append(key)
            groups.append(
                WindowGroup(
                    partitionKeys: partitionKeys, orderKeys: orderKeys, functions: [function],
                    partitionNames: spec.partitionBy.map(\.sqlName), functionNames: [WindowSpecText.functionText(call)]))
        }
        return (WindowPlan(groups: groups, width: calls.count), WindowColumns(calls: calls, types: types, base: inputWidth))
    }
}

extension Planner {
    /// Adds the window stage (when the select list or QUALIFY has window calls) and QUALIFY's filter
    /// above `input`, whose rows have `width` columns; `compiler` learns where the results are.
    func planWindowAndQualify(
        _ select: Select, expressions: [Expr], input: Plan, width: Int, compiler: inout ExpressionCompiler
    ) throws(EngineError) -> Plan {
        var calls: [WindowCall] = []
        for expr in expressions + [select.qualify].compactMap({ $0 }) {
            for call in expr.windowCalls where !calls.contains(call) { calls.append(call) }
        }
        var plan = input
        if !calls.isEmpty {
            var windowCompiler = compiler  // a window may not read an enclosing query (`OuterReferences`)
            windowCompiler.refusesOuterReferences = true
            let (stage, columns) = try planWindowStage(calls, compiler: windowCompiler, inputWidth: width)
            plan = .window(plan, stage)
            compiler.windows = columns
        }
        if let qualify = select.qualify {
            guard !calls.isEmpty else { throw EngineError.qualifyWithoutWindow }
            let condition = try compiler.compile(qualify)
            try compiler.requireBoolean(condition, qualify)
            plan = .filter(plan, condition.evaluate, condition: qualify.sqlName)
        }
        return plan
    }

    /// `expr` with each bare name that is a select-list alias replaced by the aliased expression: where no
    /// input column has the name (QUALIFY may name `rn` from `row_number() OVER (…) AS rn`), or with
    /// `aliasesFirst` before the input columns though not inside an aggregate call, as Spark resolves HAVING
    /// against the aggregate's output first (`sum(amount) AS amount … HAVING amount > 50`).
    static func replacingAliases(
        _ expr: Expr, _ items: [ProjectionItem], _ scope: Scope, aliasesFirst: Bool = false
    ) throws(EngineError) -> Expr {
        if aliasesFirst, expr.isAggregateCall { return expr }
        if case .column(let parts) = expr, parts.count == 1, aliasesFirst || scope.resolve(parts).isMissing,
            let item = items.first(where: { $0.name.lowercased() == parts[0].lowercased() }), case .expression(let aliased, _) = item
        {
            return aliased
        }
        return try expr.mapChildren { (child) throws(EngineError) in try replacingAliases(child, items, scope, aliasesFirst: aliasesFirst) }
    }
}
