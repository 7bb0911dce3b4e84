import DBAPICore

/// round (half-up), abs, floor, ceil, with Spark's result types.
enum MathFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["round"], arity: 1...2, printer: ScalarDeclaration.fillingDefaults(["0"], arity: 2)) {
            call throws(EngineError) in
            let operand = try numeric(call)
            var places = 0
            if call.count == 2 {
                guard case .int(let value)? = call.constant(1), let small = Int(exactly: value), abs(small) <= 38 else {
                    throw call.mismatch("round's scale must be an integer constant")
                }
                places = small
            }
            return round(operand, places: places)
        },
        ScalarDeclaration(names: ["abs"], arity: 1...1) { call throws(EngineError) in
            let operand = try numeric(call)
            let (inner, type) = (operand.evaluate, operand.type)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                switch try inner(row, context) {
                case .int(let number):
                    guard number != Int64.min, type.integralRange?.contains(-number) ?? true else {
                        throw EngineError.overflow("abs(\(number)) overflows \(type)")
                    }
                    return .int(abs(number))
                case .double(let number): return .double(abs(number))
                case .decimal(let number): return .decimal(number.unscaled < 0 ? number.negated : number)
                default: return .null
                }
            }
        },
        rounding(["floor"], up: false, printedAs: "FLOOR"),
        rounding(["ceil"], up: true, printedAs: "CEIL"),
        rounding(["ceiling"], up: true, printedAs: nil),
    ]

    /// The call's first argument, which must be a number (or NULL).
    private static func numeric(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let operand = call.arguments[0]
        guard operand.type.isNumeric || operand.type == .null else {
            throw call.mismatch("\(call.name) expects a number, got \(operand.type)")
        }
        return operand
    }

    /// floor, ceil: to an integral BIGINT (a DECIMAL keeps its type family with scale 0).
    private static func rounding(_ names: [String], up: Bool, printedAs printed: String?) -> ScalarDeclaration {
        var printer: ScalarDeclaration.Printer?
        if let printed {
            printer = { _, arguments in "\(printed)(\(arguments.joined(separator: ", ")))" }
        }
        return ScalarDeclaration(names: names, arity: 1...1, printer: printer) {
            call throws(EngineError) in
            let operand = try numeric(call)
            let (inner, name) = (operand.evaluate, call.name)
            if case let .decimal(precision, scale) = operand.type {
                let type = DecimalRules.bounded(precision: precision - scale + 1, scale: 0)
                return CompiledExpr(type: type) { row, context throws(EngineError) in
                    guard case .decimal(let number) = try inner(row, context) else { return .null }
                    return number.rounded(places: 0, roundingUp: up).map { .decimal($0) } ?? .null
                }
            }
            return CompiledExpr(type: .bigint) { row, context throws(EngineError) in
                switch try inner(row, context) {
                case .int(let number): return .int(number)
                case .double(let number):
                    let rounded = up ? number.rounded(.up) : number.rounded(.down)
                    guard rounded.isFinite, abs(rounded) < 9.2e18 else { throw EngineError.overflow("\(name)(\(number)) overflows BIGINT") }
                    return .int(Int64(rounded))
                default: return .null
                }
            }
        }
    }

    private static func round(_ operand: CompiledExpr, places: Int) -> CompiledExpr {
        let inner = operand.evaluate
        switch operand.type {
        case let .decimal(precision, scale):
            let integralDigits = precision - scale + 1
            let resultScale = places < 0 ? 0 : min(scale, places)
            let resultPrecision = min(integralDigits + (places < 0 ? -places : resultScale), SQLType.maxDecimalPrecision)
            return CompiledExpr(type: .decimal(precision: resultPrecision, scale: resultScale)) { row, context throws(EngineError) in
                guard case .decimal(let number) = try inner(row, context) else { return .null }
                let rounded = number.rounded(places: places)?.withScale(resultScale)
                guard let rounded, let fitted = rounded.fits(precision: resultPrecision, scale: resultScale) else {
                    throw EngineError.numericOutOfRange(
                        "The \(rounded?.description ?? "result") rounded half up from \(number) cannot be represented as "
                            + "Decimal(\(resultPrecision), \(resultScale)).")
                }
                return .decimal(fitted)
            }
        case .double, .float:
            return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
                guard case .double(let number) = try inner(row, context) else { return .null }
                guard number.isFinite, let exact = SQLDecimal(string: "\(number)"), let rounded = exact.rounded(places: places) else {
                    return .double(number)
                }
                return .double(rounded.doubleValue)
            }
        default:
            let type = operand.type
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .int(let number) = try inner(row, context) else { return .null }
                guard places < 0 else { return .int(number) }
                guard let rounded = SQLDecimal(number).rounded(places: places), let value = Int64(exactly: rounded.unscaled),
                    type.integralRange?.contains(value) ?? true
                else { throw EngineError.overflow("round(\(number), \(places)) overflows \(type)") }
                return .int(value)
            }
        }
    }
}
