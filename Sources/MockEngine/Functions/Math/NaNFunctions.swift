import DBAPICore

/// `isnan(x)` (never NULL) and `nanvl(x, y)` (`y` where `x` is NaN): their arguments are DOUBLE or FLOAT,
/// numbers and strings implicitly cast to DOUBLE.
enum NaNFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["isnan"], arity: 1...1) { call throws(EngineError) in
            let operand = try floating(call, 0, as: call.type(0) == .float ? .float : .double)
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .double(let number) = try operand(row, context) else { return .bool(false) }
                return .bool(number.isNaN)
            }
        },
        ScalarDeclaration(names: ["nanvl"], arity: 2...2) { call throws(EngineError) in
            // Spark keeps FLOAT only when both sides are FLOAT (or the replacement is a NULL literal).
            let type: SQLType = call.type(0) == .float && [.float, .null].contains(call.type(1)) ? .float : .double
            let (value, replacement) = (try floating(call, 0, as: type), try floating(call, 1, as: type))
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                let first = try value(row, context)
                guard case .double(let number) = first, number.isNaN else { return first }
                return try replacement(row, context)
            }
        },
    ]

    /// Argument `index` cast to `type` (DOUBLE or FLOAT); anything but a number, a string or NULL is Spark's
    /// UNEXPECTED_INPUT_TYPE.
    private static func floating(_ call: ScalarCall, _ index: Int, as type: SQLType) throws(EngineError) -> Evaluator {
        let given = call.type(index)
        guard given.isNumeric || given == .string || given == .null else {
            throw call.unexpected(index, "(\"DOUBLE\" or \"FLOAT\")")
        }
        return try call.argument(index, as: type)
    }
}
