import DBAPICore

extension TypeCoercion {
    /// The common type of CASE-like results where a STRING meets another type as ANSI Spark's coercion
    /// widens them: beside an integer to BIGINT, beside another number to DOUBLE, else to the other type.
    static func commonPromotingStrings(_ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> SQLType {
        var type = SQLType.null
        for argument in arguments {
            if let common = common(type, argument.type) {
                type = common
                continue
            }
            let other = type == .string ? argument.type : type
            guard type == .string || argument.type == .string, other != .string, Cast.isSupported(from: .string, to: other),
                !other.isArray
            else {
                throw EngineError.typeMismatch(
                    expression: expr.sqlName, message: "arguments have incompatible types \(type) and \(argument.type)")
            }
            type = other.isIntegral ? .bigint : other.isNumeric ? .double : other
        }
        return type
    }
}

extension SQLType {
    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
