import DBAPICore

extension ScalarCall {
    /// `a op b` for a two-argument call (`mod(a, b)`, `try_add(a, b)`), compiled exactly as the operator is,
    /// literal rules included.
    func compileOperator(_ op: BinaryOperator) throws(EngineError) -> CompiledExpr {
        guard case let .function(_, arguments, _, _) = expr, arguments.count == 2, self.arguments.count == 2 else {
            throw mismatch("\(name) takes two arguments")
        }
        return try Arithmetic.compile(op, self.arguments[0], self.arguments[1], leftExpr: arguments[0], rightExpr: arguments[1], expr)
    }
}
