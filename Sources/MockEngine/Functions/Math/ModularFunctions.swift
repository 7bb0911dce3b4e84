import DBAPICore

/// `mod` (the function form of `%`), `pmod` (Spark's positive modulus: `(a % n + n) % n` when `a % n` is
/// negative) and `div` (the function form of `a div b`),
/// typed as the operators are.
enum ModularFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["mod"], arity: 2...2) { call throws(EngineError) in
            try call.compileOperator(.remainder)
        },
        ScalarDeclaration(names: ["div"], arity: 2...2, printer: { _, arguments in "(\(arguments[0]) div \(arguments[1]))" }) {
            call throws(EngineError) in try call.compileOperator(.integerDivide)
        },
        ScalarDeclaration(names: ["pmod"], arity: 2...2) { call throws(EngineError) in
            let remainder = try call.compileOperator(.remainder)
            let (inner, divisor, type) = (remainder.evaluate, call.arguments[1].evaluate, remainder.type)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                let value = try inner(row, context)
                guard value.isNegative, let fixed = positive(value, divisor: try divisor(row, context), type) else { return value }
                return fixed
            }
        },
    ]

    /// `(r + n) % n` for a negative remainder `r` of divisor `n`, in the result type.
    private static func positive(_ remainder: SQLValue, divisor: SQLValue, _ type: SQLType) -> SQLValue? {
        switch (remainder, divisor) {
        case let (.int(r), .int(n)):  // Java's wrapping (r + n) % n
            return .int((r &+ n).remainderReportingOverflow(dividingBy: n).partialValue)
        case let (.double(r), _):
            guard let n = divisor.asDouble else { return nil }
            return .double((r + n).truncatingRemainder(dividingBy: n))
        case let (.decimal(r), _):
            guard let n = divisor.asDecimal,
                let sum = r.adding(n), let value = sum.remainder(dividingBy: n),
                case let .decimal(precision, scale) = type, let fitted = value.fitted(precision: precision, scale: scale)
            else { return nil }
            return .decimal(fitted)
        default:
            return nil
        }
    }
}

extension SQLValue {
    /// Whether the value is a number below zero.
    var isNegative: Bool {
        switch self {
        case .int(let number): number < 0
        case .double(let number): number < 0
        case .decimal(let number): number.unscaled < 0
        default: false
        }
    }
}
