import DBAPICore

/// Compiles `=`, `<=>`, `!=`, `<`, `<=`, `>`, `>=` after coercing both sides to a common type.
enum Comparison {
    /// The expression Spark names in a comparison's error: `a != b` is `NOT (a = b)`, so its error is about `(a = b)`.
    private static func reported(_ expr: Expr) -> Expr {
        guard case let .binary(.notEqual, left, right) = expr else { return expr }
        return .binary(.equal, left, right)
    }

    static func compile(_ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, _ expr: Expr) throws(EngineError) -> CompiledExpr
    {
        guard let type = comparedType(left.type, right.type) else {
            throw EngineError.incompatibleOperands(reported(expr), left.type, right.type)
        }
        guard type.isOrderable else {
            throw EngineError.invalidOrderingType(reported(expr).sqlName, operator: op == .notEqual ? "=" : op.rawValue, type)
        }
        let l = ExpressionCompiler.coerce(left, to: type)
        let r = ExpressionCompiler.coerce(right, to: type)
        let test = predicate(op)
        let nullSafe = op == .nullSafeEqual
        // Fast path: column against a constant, the shape of most filters.
        if let constant = r.constant, !constant.isNull {
            let evaluateLeft = l.evaluate
            if case .string(let text) = constant, op == .equal {
                // For an ASCII literal, `==` (canonical, fast) plus equal UTF-8 length is byte equality:
                // a non-ASCII spelling of ASCII text (KELVIN SIGN for K) is always longer.
                let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
                let length = text.utf8.count
                return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                    switch try evaluateLeft(row, context) {
                    case .string(let value):
                        if isASCII { return .bool(value.utf8.count == length && value == text) }
                        return .bool(value.hasSameBytes(as: text))
                    case .null: return nullSafe ? .bool(false) : .null
                    default: return .bool(false)
                    }
                }
            }
            if case .int(let bound) = constant {
                return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                    switch try evaluateLeft(row, context) {
                    case .int(let value): return .bool(test(value < bound ? -1 : (value == bound ? 0 : 1)))
                    case .null: return nullSafe ? .bool(false) : .null
                    case let other: return .bool(test(ValueOrder.compare(other, constant)))
                    }
                }
            }
        }
        let (evaluateLeft, evaluateRight) = (l.evaluate, r.evaluate)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let a = try evaluateLeft(row, context)
            let b = try evaluateRight(row, context)
            if a.isNull || b.isNull {
                return nullSafe ? .bool(a.isNull && b.isNull) : .null
            }
            return .bool(test(ValueOrder.compare(a, b)))
        }
    }

    static func predicate(_ op: BinaryOperator) -> @Sendable (Int) -> Bool {
        switch op {
        case .equal, .nullSafeEqual: { $0 == 0 }
        case .notEqual: { $0 != 0 }
        case .less: { $0 < 0 }
        case .lessOrEqual: { $0 <= 0 }
        case .greater: { $0 > 0 }
        default: { $0 >= 0 }
        }
    }

    /// The type two operands are compared in: two STRUCTs by `StructComparison`'s rule, others by
    /// `TypeCoercion.comparison`.
    static func comparedType(_ left: SQLType, _ right: SQLType) -> SQLType? {
        if case .struct(let x) = left, case .struct(let y) = right { return StructComparison.commonType(x, y) }
        return TypeCoercion.comparison(left, right)
    }
}
