import DBAPICore

/// round (half-up), bround (half-even), abs, floor, ceil, with Spark's result types.
enum MathFunctions {
    static let declarations: [ScalarDeclaration] = [
        rounding("round", halfEven: false),
        rounding("bround", halfEven: true),
        ScalarDeclaration(names: ["abs"], arity: 1...1) { call throws(EngineError) in
            if case .interval = call.type(0) { return IntervalAggregates.absolute(call.arguments[0]) }
            let operand = try numeric(call)
            let (inner, type) = (operand.evaluate, operand.type)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                switch try inner(row, context) {
                case .int(let number):
                    guard number != Int64.min, type.integralRange?.contains(-number) ?? true else {
                        throw EngineError.overflow("overflow")
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

    /// The call's first argument, a number: a STRING or NULL is cast to DOUBLE as Spark's implicit casts do
    /// (`abs('5')` is 5.0, `abs('x')` CAST_INVALID_INPUT, `abs(NULL)` a DOUBLE NULL); any other type is
    /// UNEXPECTED_INPUT_TYPE.
    static func numeric(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let operand = call.arguments[0]
        if operand.type == .string || operand.type == .null { return ExpressionCompiler.coerce(operand, to: .double) }
        guard operand.type.isNumeric else { throw call.unexpected(0, "\"NUMERIC\"") }
        return operand
    }

    /// Spark rounds integers and floating-point numbers through Java's BigDecimal, whose power of ten fails
    /// past this many places (Java's "BigInteger would overflow supported range").
    private static let maxPlacesBigDecimalReaches = 536_870_912

    /// floor, ceil: to an integral BIGINT (a DECIMAL keeps its type family with scale 0); with a scale,
    /// `ScaledRounding`'s. Spark prints the one-argument call as `printed` (`CEIL(x)`), the two-argument
    /// one by its lower-case name (`ceil(x, 1)`, `ceiling(x, 1)`).
    private static func rounding(_ names: [String], up: Bool, printedAs printed: String?) -> ScalarDeclaration {
        let printer: ScalarDeclaration.Printer = { name, arguments in
            "\(arguments.count == 1 ? printed ?? name.lowercased() : name.lowercased())(\(arguments.joined(separator: ", ")))"
        }
        return ScalarDeclaration(names: names, arity: 1...2, printer: printer) {
            call throws(EngineError) in
            if call.count == 2 { return try ScaledRounding.compile(call, up: up) }
            let operand = try numeric(call)
            let inner = operand.evaluate
            if case let .decimal(precision, scale) = operand.type {
                let type = DecimalRules.bounded(precision: precision - scale + 1, scale: 0)
                return CompiledExpr(type: type) { row, context throws(EngineError) in
                    guard case .decimal(let number) = try inner(row, context) else { return .null }
                    return number.rounded(places: 0, up ? .ceiling : .floor).map { .decimal($0) } ?? .null
                }
            }
            return CompiledExpr(type: .bigint) { row, context throws(EngineError) in
                switch try inner(row, context) {
                case .int(let number): return .int(number)
                case .double(let number):
                    if number.isNaN { return .int(0) }  // Java's (long) NaN
                    let rounded = up ? number.rounded(.up) : number.rounded(.down)
                    guard rounded.isFinite, abs(rounded) < 9.2e18 else { throw EngineError.overflow("overflow") }
                    return .int(Int64(rounded))
                default: return .null
                }
            }
        }
    }

    /// round (half-up) and bround (half-even) to a constant number of places (0 by default).
    private static func rounding(_ name: String, halfEven: Bool) -> ScalarDeclaration {
        ScalarDeclaration(names: [name], arity: 1...2, printer: ScalarDeclaration.fillingDefaults(["0"], arity: 2)) {
            call throws(EngineError) in
            let operand = try numeric(call)
            var places = 0
            if call.count == 2 {
                var scale = call.constant(1)
                if scale?.isNull == true {  // NULL places: NULL, typed as for 0 places
                    return CompiledExpr(constant: .null, type: round(operand, places: 0, halfEven: halfEven).type)
                }
                // A STRING scale is cast to INT as Spark's analyzer casts it: 'x' is CAST_INVALID_INPUT.
                if call.type(1) == .string, let text = scale { scale = try Cast.value(text, from: .string, to: .int) }
                guard case .int(let value)? = scale, let small = Int32(exactly: value) else {
                    throw call.mismatch("\(name)'s scale must be an INT constant")
                }
                places = Int(small)
            }
            let rounded = round(operand, places: places, halfEven: halfEven)
            guard places > maxPlacesBigDecimalReaches, !operand.type.isDecimal else { return rounded }
            let value = rounded.evaluate
            return CompiledExpr(type: rounded.type) { row, context throws(EngineError) in
                let result = try value(row, context)
                switch result {
                case .int(0), .null: return result
                case .double(let number) where number == 0 || !number.isFinite: return result
                default: throw EngineError.overflow("BigInteger would overflow supported range")
                }
            }
        }
    }

    /// Spark's `RoundBase`: a DECIMAL(p, s) becomes DECIMAL(p - s + 1 + min(s, places), min(s, places)), or
    /// DECIMAL(max(p - s + 1, 1 - places), 0) for negative places; FLOAT and DOUBLE round their shortest
    /// decimal form (so `round(2.675D, 2)` is 2.68) and keep their type; integers keep theirs.
    private static func round(_ operand: CompiledExpr, places: Int, halfEven: Bool) -> CompiledExpr {
        let inner = operand.evaluate
        let mode = halfEven ? "half even" : "half up"
        switch operand.type {
        case let .decimal(precision, scale):
            let places = min(max(places, -40), 40)  // beyond ±38 every DECIMAL rounds as at ±40
            let integralDigits = precision - scale + 1
            let resultScale = places < 0 ? 0 : min(scale, places)
            let resultPrecision = min(
                places < 0 ? max(integralDigits, 1 - places) : integralDigits + resultScale, SQLType.maxDecimalPrecision)
            return CompiledExpr(type: .decimal(precision: resultPrecision, scale: resultScale)) { row, context throws(EngineError) in
                guard case .decimal(let number) = try inner(row, context) else { return .null }
                let rounded = number.rounded(places: places, halfEven ? .halfEven : .halfUp)?.withScale(resultScale)
                guard let rounded, let fitted = rounded.fitted(precision: resultPrecision, scale: resultScale) else {
                    throw EngineError.numericOutOfRange(
                        " The \(rounded?.description ?? "result") rounded \(mode) from "
                            + "\(rounded.map { JavaDecimalText.text($0, scale: places) } ?? number.description) cannot be "
                            + "represented as Decimal(\(resultPrecision), \(resultScale)).")
                }
                return .decimal(fitted)
            }
        case .double, .float:
            let isFloat = operand.type == .float
            return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
                guard case .double(let number) = try inner(row, context) else { return .null }
                let rounded = DoubleRounding.round(number, places: places, halfEven: halfEven)
                return .double(isFloat ? Double(Float(rounded)) : rounded)
            }
        default:
            let (type, places) = (operand.type, max(places, -40))
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .int(let number) = try inner(row, context) else { return .null }
                guard places < 0 else { return .int(number) }
                guard let rounded = SQLDecimal(number).rounded(places: places, halfEven ? .halfEven : .halfUp),
                    let value = Int64(exactly: rounded.unscaled), type.integralRange?.contains(value) ?? true
                else { throw EngineError.overflow("Overflow") }
                return .int(value)
            }
        }
    }
}
