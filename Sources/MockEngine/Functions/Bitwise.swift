import DBAPICore

/// `&`, `|` and `^` on integers, with Spark's coercion: a STRING beside another type is cast to that type
/// (beside an integer to BIGINT: `'3' & 1` is a BIGINT 1, `'2.5' | 1` fails at run time with
/// CAST_INVALID_INPUT), beside NULL it stays STRING;
/// integers of different widths meet in the wider. Operands that are then not integers are
/// BINARY_OP_WRONG_TYPE when their types agree and BINARY_OP_DIFF_TYPES when they do not.
enum Bitwise {
    static func compile(_ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, _ expr: Expr) throws(EngineError) -> CompiledExpr
    {
        let (a, b) = (coerced(left, beside: right.type), coerced(right, beside: left.type))
        let takes = { (type: SQLType) in type.isIntegral || type == .null }
        guard takes(a.type), takes(b.type), let type = TypeCoercion.common(a.type, b.type) else {
            throw EngineError.operandTypes(expr, a.type, b.type, requires: "\"INTEGRAL\"")
        }
        let (l, r) = (a.evaluate, b.evaluate)
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            guard case .int(let x) = try l(row, context), case .int(let y) = try r(row, context) else { return .null }
            switch op {
            case .bitAnd: return .int(x & y)
            case .bitOr: return .int(x | y)
            default: return .int(x ^ y)
            }
        }
    }

    /// `operand` as Spark coerces it beside an operand of type `other`.
    private static func coerced(_ operand: CompiledExpr, beside other: SQLType) -> CompiledExpr {
        switch (operand.type, other) {
        case (.string, .string), (.string, .null): return operand
        case (.string, _): return ExpressionCompiler.coerce(operand, to: other.isIntegral ? .bigint : other)
        case (.null, .string): return ExpressionCompiler.coerce(operand, to: .string)
        default: return operand
        }
    }
}
