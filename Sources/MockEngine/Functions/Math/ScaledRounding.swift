import DBAPICore

/// `ceil(x, scale)` and `floor(x, scale)`, Spark's `RoundCeil` and `RoundFloor`: `x` as a DECIMAL (an
/// integer exactly, FLOAT and DOUBLE cast to DECIMAL(14,7) and DECIMAL(30,15); NaN and infinities are
/// NULL) rounded toward +∞ or -∞ at a constant INT scale, typed as `round` types its result
/// (DECIMAL(p - s + 1 + min(s, scale), min(s, scale)), or DECIMAL(max(p - s + 1, 1 - scale), 0) for a
/// negative scale).
enum ScaledRounding {
    static func compile(_ call: ScalarCall, up: Bool) throws(EngineError) -> CompiledExpr {
        guard call.type(1) == .int, case .int(let requested)? = call.constant(1) else {
            throw EngineError.classified(
                errorClass: "NON_FOLDABLE_ARGUMENT", sqlState: "42K08",
                message: "The function `\(call.name)` requires the parameter `scale` to be a foldable expression of the type "
                    + "\"INT\", but the actual argument is a non-foldable.")
        }
        let operand = call.arguments[0]
        guard let (precision, scale) = decimalForm(operand.type) else {
            throw EngineError.unsupported("\(call.name)(x, scale) of \(operand.type)")
        }
        let places = Int(min(max(requested, -40), 40))  // beyond ±38 every DECIMAL rounds as at ±40
        let integralDigits = precision - scale + 1
        let resultScale = places < 0 ? 0 : min(scale, places)
        let resultPrecision = min(places < 0 ? max(integralDigits, 1 - places) : integralDigits + resultScale, SQLType.maxDecimalPrecision)
        let (source, inner) = (operand.type, operand.evaluate)
        let target = SQLType.decimal(precision: precision, scale: scale)
        return CompiledExpr(type: .decimal(precision: resultPrecision, scale: resultScale)) { row, context throws(EngineError) in
            let value = try inner(row, context)
            if case .double(let number) = value, !number.isFinite { return .null }
            guard case .decimal(let number) = try Cast.value(value, from: source, to: target) else { return .null }
            let rounded = number.rounded(places: places, up ? .ceiling : .floor)?.withScale(resultScale)
            guard let rounded, let fitted = rounded.fitted(precision: resultPrecision, scale: resultScale) else {
                throw EngineError.numericOutOfRange(
                    " The \(rounded?.description ?? "result") rounded half up from \(number.description) cannot be "
                        + "represented as Decimal(\(resultPrecision), \(resultScale)).")
            }
            return .decimal(fitted)
        }
    }

    /// The DECIMAL(precision, scale) a number of `type` is rounded as, or nil for other types.
    private static func decimalForm(_ type: SQLType) -> (Int, Int)? {
        switch type {
        case .tinyint: (3, 0)
        case .smallint: (5, 0)
        case .int: (10, 0)
        case .bigint: (20, 0)
        case .float: (14, 7)
        case .double: (30, 15)
        case let .decimal(precision, scale): (precision, scale)
        default: nil
        }
    }
}
