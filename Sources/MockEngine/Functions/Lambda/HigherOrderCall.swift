import DBAPICore

/// What a higher-order function's type rule asks of its call: array arguments, and its function arguments
/// bound to parameter types.
extension ScalarCall {
    /// The element type of argument `index`, which must be an ARRAY (Spark's message prints the call's
    /// lambdas unbound, as it checks this before binding them).
    func lambdaInputElement(_ index: Int) throws(EngineError) -> SQLType {
        guard case .array(let element) = type(index) else {
            throw LambdaErrors.unexpectedInputType(
                expr.unboundSQLName, ordinal: index, required: "\"ARRAY\"", input: argumentName(index), type: type(index))
        }
        return element
    }

    /// The key and value types of argument `index`, which must be a MAP (lambdas printed unbound, as above).
    func lambdaInputMap(_ index: Int) throws(EngineError) -> (key: SQLType, value: SQLType) {
        guard case let .map(key, value) = type(index) else {
            throw LambdaErrors.unexpectedInputType(
                expr.unboundSQLName, ordinal: index, required: "\"MAP\"", input: argumentName(index), type: type(index))
        }
        return (key, value)
    }

    /// Whether the call passes a function at `index`.
    func hasFunction(_ index: Int) -> Bool { lambdas[index] != nil }

    /// The number of parameters the lambda at `index` is written with (nil when absent or not written as a lambda).
    func writtenParameterCount(_ index: Int) -> Int? { lambdas[index]?.parameters?.count }

    /// The function argument at `index` bound to variables of `types`.
    func function(_ index: Int, _ types: [SQLType]) throws(EngineError) -> CompiledLambda {
        guard let lambda = lambdas[index] else { throw mismatch("\(name) expects a function as argument \(index + 1)") }
        return try lambda.compile(types)
    }

    /// The function argument at `index` bound to `types`, which must return BOOLEAN.
    func predicate(_ index: Int, _ types: [SQLType]) throws(EngineError) -> CompiledLambda {
        let lambda = try function(index, types)
        guard lambda.type == .boolean || lambda.type == .null else {
            throw LambdaErrors.unexpectedInputType(
                expr.sqlName, ordinal: index, required: "\"BOOLEAN\"", input: functionName(index, parameterCount: types.count),
                type: lambda.type)
        }
        return lambda
    }

    /// The printed argument at `index` (bound, for a function argument with `parameterCount` parameters).
    func functionName(_ index: Int, parameterCount: Int) -> String {
        HigherOrderNaming.function(argumentName(index), parameterCount: parameterCount)
    }

    private func argumentName(_ index: Int) -> String {
        guard case let .function(_, arguments, _, _) = expr, index < arguments.count else { return "" }
        return arguments[index].sqlName
    }
}

/// Spark's generated names for higher-order calls.
enum HigherOrderNaming {
    /// A printed function argument as Spark binds it: a lambda prints as written (`lambdafunction(…)`); any
    /// other argument becomes a lambda with hidden parameters, `lambdafunction(1, namedlambdavariable())`.
    static func function(_ printed: String, parameterCount: Int) -> String {
        if printed.hasPrefix("lambdafunction(") { return printed }
        return "lambdafunction(" + ([printed] + Array(repeating: "namedlambdavariable()", count: parameterCount)).joined(separator: ", ")
            + ")"
    }

    /// A printer for a call whose function arguments at the keys of `functions` take that many parameters;
    /// `defaults` are the printed arguments Spark fills in when trailing ones are omitted, by position.
    static func printer(functions: [Int: Int], defaults: [Int: String] = [:]) -> ScalarDeclaration.Printer {
        { name, arguments in
            var printed = arguments
            for (index, count) in functions where index < printed.count {
                printed[index] = function(printed[index], parameterCount: count)
            }
            while let fill = defaults[printed.count] { printed.append(fill) }
            return "\(name)(\(printed.joined(separator: ", ")))"
        }
    }
}

extension ScalarDeclaration {
    /// A higher-order function: `functions` maps each function argument position to its parameter count
    /// (for the printed name); `defaults` are Spark's printed defaults for omitted trailing arguments.
    static func higherOrder(
        _ names: [String], arity: ClosedRange<Int>, functions: [Int: Int], defaults: [Int: String] = [:],
        resolve: @escaping @Sendable (ScalarCall) throws(EngineError) -> CompiledExpr
    ) -> ScalarDeclaration {
        var declaration = ScalarDeclaration(
            names: names, arity: arity, printer: HigherOrderNaming.printer(functions: functions, defaults: defaults), resolve: resolve)
        declaration.lambdaPositions = Set(functions.keys)
        return declaration
    }
}
