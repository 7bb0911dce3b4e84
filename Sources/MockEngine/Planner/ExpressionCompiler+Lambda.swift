import DBAPICore

/// A lambda parameter in scope while a lambda body compiles; a hidden parameter (of an argument written
/// without `->`) has no name.
struct LambdaVariable {
    let name: String?
    let type: SQLType
}

/// Lambdas: binding a higher-order function's function arguments and resolving their variables.
///
/// A body compiled with `n` variables in scope runs on its input row followed by those `n` values (see
/// `LambdaFrame`), so a variable is read at a fixed distance from the row's end, and everything else at
/// its usual index.
extension ExpressionCompiler {
    /// The innermost lambda variable `parts` names: an unqualified name shadows any column, as in Spark.
    func lambdaVariable(_ parts: [String]) -> CompiledExpr? {
        guard parts.count == 1, !lambdaVariables.isEmpty else { return nil }
        let name = parts[0].lowercased()
        guard let index = lambdaVariables.lastIndex(where: { $0.name == name }) else { return nil }
        let distance = lambdaVariables.count - index
        return CompiledExpr(type: lambdaVariables[index].type) { row, _ in
            let position = row.count - distance
            return position >= 0 ? row[position] : .null
        }
    }

    /// Whether `expr` reads a lambda variable in scope (it then never stands for a group key or aggregate).
    func readsLambdaVariable(_ expr: Expr) -> Bool {
        if lambdaVariables.isEmpty { return false }
        if case .column(let parts) = expr, let first = parts.first { return lambdaVariable([first]) != nil }
        return expr.children.contains { readsLambdaVariable($0) }
    }

    /// Compiles a scalar call; the arguments at a higher-order function's function positions are bound when
    /// the function asks for them, with the parameter types it knows.
    func compileCall(_ name: String, _ arguments: [Expr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        guard let declaration = ScalarRegistry.declaration(name) else { return try ScalarRegistry.compile(name, [], expr) }
        var compiled: [CompiledExpr] = []
        var lambdas: [Int: LambdaArgument] = [:]
        for (index, argument) in arguments.enumerated() {
            if declaration.lambdaPositions.contains(index) {
                lambdas[index] = try lambdaArgument(argument)
                compiled.append(CompiledExpr(constant: .null, type: .null))
            } else if case .lambda = argument {
                throw declaration.lambdaPositions.isEmpty ? LambdaErrors.notHigherOrder(name) : LambdaErrors.lambdaNotAccepted
            } else {
                compiled.append(try compile(argument))
            }
        }
        return try ScalarRegistry.compile(name, compiled, expr, lambdas: lambdas)
    }

    private func lambdaArgument(_ argument: Expr) throws(EngineError) -> LambdaArgument {
        guard !argument.containsSubquery else { throw LambdaErrors.subqueryInHigherOrderFunction }
        guard case let .lambda(parameters, body) = argument else {
            return LambdaArgument(parameters: nil) { (types) throws(EngineError) in try bind(argument, names: nil, types) }
        }
        let lowered = parameters.map { $0.lowercased() }
        guard Set(lowered).count == lowered.count else { throw LambdaErrors.duplicateParameters(parameters) }
        return LambdaArgument(parameters: parameters) { (types) throws(EngineError) in
            guard parameters.count == types.count else {
                throw LambdaErrors.parameterCountMismatch(written: parameters.count, expected: types.count)
            }
            return try bind(body, names: lowered, types)
        }
    }

    private func bind(_ body: Expr, names: [String]?, _ types: [SQLType]) throws(EngineError) -> CompiledLambda {
        var inner = self
        for (index, type) in types.enumerated() {
            inner.lambdaVariables.append(LambdaVariable(name: names?[index], type: type))
        }
        let compiled = try inner.compile(body)
        return CompiledLambda(type: compiled.type, parameterCount: types.count, body: compiled.evaluate)
    }
}
