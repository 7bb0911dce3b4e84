import DBAPICore

extension TypeCoercion {
    /// The common type of CASE-like results where a STRING meets another type as ANSI Spark's coercion
    /// widens them (`widerPromotingStrings`); DATA_DIFF_TYPES for `function` (Spark's name) if there is none.
    static func commonPromotingStrings(_ arguments: [CompiledExpr], _ expr: Expr, function: String) throws(EngineError) -> SQLType {
        var type = SQLType.null
        for argument in arguments {
            guard let wider = widerPromotingStrings(type, argument.type) else {
                throw EngineError.dataDiffTypes(expr.sqlName, function: function, arguments.map(\.type))
            }
            type = wider
        }
        return type
    }

    /// The type `a` and `b` widen to where a STRING may meet another atomic type (Spark's ANSI
    /// `findWiderTypeForTwo` with string promotion): beside an integer to BIGINT, beside another number to
    /// DOUBLE, else to the other type; inside ARRAY and STRUCT types too. Nil when there is none.
    static func widerPromotingStrings(_ a: SQLType, _ b: SQLType) -> SQLType? {
        if let type = common(a, b) { return type }
        switch (a, b) {
        case let (.array(x), .array(y)):
            return widerPromotingStrings(x, y).map { .array($0) }
        case let (.struct(x), .struct(y)):
            return widerStruct(x, y, by: widerPromotingStrings)
        default:
            guard a == .string || b == .string else { return nil }
            let other = a == .string ? b : a
            guard !other.isNested, Cast.isSupported(from: .string, to: other) else { return nil }
            if case .interval = other { return nil }
            return other.isIntegral ? .bigint : other.isNumeric ? .double : other
        }
    }
}
