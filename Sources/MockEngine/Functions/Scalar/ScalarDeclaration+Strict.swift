import DBAPICore

/// Declarations for the common shape of Spark's scalar functions: fixed parameter types (arguments are
/// implicitly cast to them), a fixed result type, and NULL whenever an argument is NULL. The kernel sees
/// only non-NULL values of the parameter types.
extension ScalarDeclaration {
    typealias UnaryKernel = @Sendable (SQLValue) throws(EngineError) -> SQLValue
    typealias BinaryKernel = @Sendable (SQLValue, SQLValue) throws(EngineError) -> SQLValue
    typealias TernaryKernel = @Sendable (SQLValue, SQLValue, SQLValue) throws(EngineError) -> SQLValue

    /// `f(a)`: NULL in, NULL out. `casting: false` takes only arguments of the parameter's type, as a
    /// Spark function that casts nothing does (`soundex(1)` is UNEXPECTED_INPUT_TYPE).
    static func strict(
        _ names: [String], _ parameter: SQLType, casting: Bool = true, returns result: SQLType, printer: Printer? = nil,
        _ kernel: @escaping UnaryKernel
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 1...1, printer: printer) { call throws(EngineError) in
            let first = try casting ? call.argument(0, as: parameter) : call.argument(0, exactly: parameter)
            return CompiledExpr(type: result) { row, context throws(EngineError) in
                let a = try first(row, context)
                return a.isNull ? .null : try kernel(a)
            }
        }
    }

    /// `f(a, b)`: NULL if either is NULL.
    static func strict(
        _ names: [String], _ first: SQLType, _ second: SQLType, returns result: SQLType, printer: Printer? = nil,
        _ kernel: @escaping BinaryKernel
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 2...2, printer: printer) { call throws(EngineError) in
            let (left, right) = (try call.argument(0, as: first), try call.argument(1, as: second))
            return CompiledExpr(type: result) { row, context throws(EngineError) in
                let a = try left(row, context)
                if a.isNull { return .null }
                let b = try right(row, context)
                return b.isNull ? .null : try kernel(a, b)
            }
        }
    }

    /// `f(a, b, c)`: NULL if any is NULL.
    static func strict(
        _ names: [String], _ first: SQLType, _ second: SQLType, _ third: SQLType, returns result: SQLType,
        printer: Printer? = nil, _ kernel: @escaping TernaryKernel
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 3...3, printer: printer) { call throws(EngineError) in
            let evaluators = (try call.argument(0, as: first), try call.argument(1, as: second), try call.argument(2, as: third))
            return CompiledExpr(type: result) { row, context throws(EngineError) in
                let a = try evaluators.0(row, context)
                if a.isNull { return .null }
                let b = try evaluators.1(row, context)
                if b.isNull { return .null }
                let c = try evaluators.2(row, context)
                return c.isNull ? .null : try kernel(a, b, c)
            }
        }
    }
}
