import DBAPICore

/// The two ways Spark refuses the operand types of a binary operator (`+`, `&`, `=`, …), after its coercion.
extension EngineError {
    /// DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES: operands of different types with none in common.
    static func incompatibleOperands(_ expr: Expr, _ left: SQLType, _ right: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
            "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: the left and right operands of the binary operator "
                + "have incompatible types (\"\(left)\" and \"\(right)\").")
    }

    /// DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE: operands of one type the operator does not take; `requires` is
    /// Spark's quoted list (`"INTEGRAL"`).
    static func wrongOperandType(_ expr: Expr, requires: String, _ type: SQLType) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
            "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: the binary operator requires the input type "
                + "\(requires), not \"\(type)\".")
    }

    /// The error for operands `left` and `right` that the operator cannot take: WRONG_TYPE when they agree,
    /// DIFF_TYPES when they do not.
    static func operandTypes(_ expr: Expr, _ left: SQLType, _ right: SQLType, requires: String) -> EngineError {
        left == right ? wrongOperandType(expr, requires: requires, left) : incompatibleOperands(expr, left, right)
    }
}
