import DBAPICore

/// Generators and correlation in FROM: `LATERAL VIEW`, table-valued functions (`range`, `explode(…)`) and
/// `LATERAL` joins, whose right side runs once per left row with that row as its outer row.
extension Planner {
    /// source LATERAL VIEW [OUTER] generator(…) [table] [AS column, …]: the source's columns, then the
    /// generated ones (qualified by the table alias); the generator reads the source row.
    func planLateralView(_ source: FromItem, _ view: LateralView, outer: Scope?) throws(EngineError) -> PlannedRelation {
        let relation = try planFrom(source, outer: outer)
        let call = Expr.function(name: view.name, arguments: view.arguments, isDistinct: false, isStar: false)
        guard GeneratorFunctions.isGenerator(view.name) else {
            guard ScalarRegistry.declaration(view.name) != nil || AggregateRegistry.isAggregate(view.name) else {
                throw EngineError.classified(
                    errorClass: "ROUTINE_NOT_FOUND", sqlState: "42883",
                    message: "The routine `default`.`\(view.name)` cannot be found. Verify the spelling and correctness of the schema "
                        + "and catalog.")
            }
            throw GeneratorErrors.notGenerator(view.name)
        }
        let compiler = ExpressionCompiler(planner: self, scope: Scope(columns: relation.columns, parent: outer))
        let generator = try GeneratorFunctions.resolve(
            call, try view.arguments.map { (argument) throws(EngineError) in try compiler.compile(argument) }, forceOuter: view.isOuter)
        let names = try Self.generatedNames(generator, view.columnAliases)
        let qualifier = view.tableAlias.map { [$0.lowercased()] } ?? []
        let columns = zip(generator.columns, names).map { ScopeColumn(qualifier: qualifier, name: $1, type: $0.type) }
        return PlannedRelation(plan: .generate(relation.plan, generator), columns: relation.columns + columns)
    }

    /// A table-valued function in FROM; its arguments may read `outer` (the items left of a LATERAL one).
    func planTableFunction(_ call: TableFunctionCall, outer: Scope?) throws(EngineError) -> PlannedRelation {
        let expr = Expr.function(name: call.name, arguments: call.arguments, isDistinct: false, isStar: false)
        let compiler = ExpressionCompiler(planner: self, scope: Scope(columns: [], parent: outer))
        var relation: PlannedRelation
        if call.name == "range" {
            relation = try planRange(call.arguments, compiler: compiler)
        } else if GeneratorFunctions.isGenerator(call.name) {
            let generator = try GeneratorFunctions.resolve(
                expr, try call.arguments.map { (argument) throws(EngineError) in try compiler.compile(argument) })
            relation = PlannedRelation(plan: .generate(.singleRow, generator), columns: generator.columns)
        } else if ScalarRegistry.declaration(call.name) != nil || AggregateRegistry.isAggregate(call.name) {
            throw EngineError.classified(
                errorClass: "NOT_A_TABLE_FUNCTION", sqlState: "42887",
                message: "`\(call.name)` appears as a table function here, but the function was defined as a scalar function. Please "
                    + "update the query to move the function call outside the FROM clause, or redefine `\(call.name)` as a table "
                    + "function instead.")
        } else {
            throw EngineError.classified(
                errorClass: "UNRESOLVABLE_TABLE_VALUED_FUNCTION", sqlState: "42883",
                message: "Could not resolve `\(call.name)` to a table-valued function.")
        }
        if let names = call.columnNames {
            guard names.count == relation.columns.count else {
                throw EngineError.classified(
                    errorClass: "NUM_TABLE_VALUE_ALIASES_MISMATCH", sqlState: "42826",
                    message: "Number of given aliases does not match number of output columns. Function name: \(call.name); number of "
                        + "aliases: \(names.count); number of output columns: \(relation.columns.count).")
            }
            for index in names.indices { relation.columns[index].name = names[index] }
        }
        let qualifier = call.alias.map { [$0.lowercased()] } ?? []
        for index in relation.columns.indices { relation.columns[index].qualifier = qualifier }
        return relation
    }

    /// `left [INNER | CROSS | LEFT] JOIN LATERAL right`: when `right` reads the left row it runs once per left
    /// row; otherwise it is an ordinary join.
    func planLateralJoin(
        _ kind: JoinKind, _ left: PlannedRelation, _ right: FromItem, _ condition: JoinCondition, outer: Scope?
    ) throws(EngineError) -> PlannedRelation {
        guard [.inner, .cross, .left].contains(kind) else {
            let name = kind == .left || kind == .right || kind == .full ? "\(kind.rawValue) OUTER" : kind.rawValue
            throw EngineError.classified(
                errorClass: "INVALID_LATERAL_JOIN_TYPE", sqlState: "42613",
                message: "The \(name) JOIN with LATERAL correlation is not allowed because an OUTER subquery cannot correlate to its "
                    + "join partner. Remove the LATERAL correlation or use an INNER JOIN, or LEFT OUTER JOIN instead.")
        }
        let scope = Scope(columns: left.columns, parent: outer)
        let before = scope.outerReadsInChain
        let relation = try planLateralItem(right, outer: scope)
        guard scope.outerReadsInChain != before else { return try planJoin(kind, left, relation, condition, outer: outer) }
        var join = LateralJoinPlan(
            isLeftOuter: kind == .left, left: left.plan, right: relation.plan, rightWidth: relation.columns.count, condition: nil,
            conditionName: nil)
        let columns = left.columns + relation.columns
        switch condition {
        case .none:
            break
        case .on(let expr):
            var compiler = ExpressionCompiler(planner: self, scope: Scope(columns: columns, parent: outer))
            compiler.clause = .join
            let compiled = try compiler.compile(expr)
            try compiler.requireJoinCondition(compiled, expr)
            join.condition = compiled.evaluate
            join.conditionName = expr.sqlName
        case .using, .natural:
            throw EngineError.unsupported("USING or NATURAL with a LATERAL join")
        }
        return PlannedRelation(plan: .lateralJoin(join), columns: columns)
    }

    /// The item after LATERAL, planned with `outer` as the scope it may read.
    func planLateralItem(_ item: FromItem, outer: Scope?) throws(EngineError) -> PlannedRelation {
        switch item {
        case let .subquery(query, alias, columnNames):
            let relation = try Self.renamed(try planQuery(query, outer: outer), columnNames, alias: alias ?? "", isInline: false)
            let qualifier = alias.map { [$0.lowercased()] } ?? []
            return PlannedRelation(
                plan: relation.plan, columns: relation.columns.map { ScopeColumn(qualifier: qualifier, name: $0.name, type: $0.type) })
        case .tableFunction(let call):
            return try planTableFunction(call, outer: outer)
        default:
            return try planFrom(item, outer: outer)
        }
    }
}
