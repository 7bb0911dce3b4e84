import DBAPICore

/// CAST between TIMESTAMP and numbers, counting seconds since 1970-01-01 00:00:00 UTC as Spark does:
/// to an integer the whole seconds rounded down (then CAST_OVERFLOW past the type), to DOUBLE or FLOAT the
/// exact fraction, to DECIMAL the microseconds rounded half up to the scale; from an integer its seconds
/// (saturating), from DOUBLE or DECIMAL the microseconds truncated toward zero (NaN is CAST_INVALID_INPUT,
/// beyond BIGINT microseconds CAST_OVERFLOW).
enum EpochSecondsCast {
    static let microsPerSecond: Int64 = 1_000_000

    static func value(_ value: SQLValue, from source: SQLType, to target: SQLType) throws(EngineError) -> SQLValue {
        switch (value, target) {
        case (.timestamp(let micros), _) where target.isIntegral:
            let seconds = CivilTime.floorDivide(micros, microsPerSecond).0
            guard target.integralRange?.contains(seconds) == true else {
                throw EngineError.castOverflow(value: "TIMESTAMP '\(Cast.string(value, type: source))'", from: source, to: target)
            }
            return .int(seconds)
        case (.timestamp(let micros), .double), (.timestamp(let micros), .float):
            return .double(Double(micros) / Double(microsPerSecond))
        case (.timestamp(let micros), .decimal(let precision, let scale)):
            let seconds = SQLDecimal(unscaled: Int128(micros), scale: 6)
            guard let fitted = seconds.fitted(precision: precision, scale: scale) else {
                throw EngineError.decimalOutOfRange(seconds.description, precision: precision, scale: scale)
            }
            return .decimal(fitted)
        case (.int(let seconds), .timestamp):
            let (micros, overflow) = seconds.multipliedReportingOverflow(by: microsPerSecond)
            return .timestamp(overflow ? (seconds < 0 ? .min : .max) : micros)
        case (.double(let seconds), .timestamp):
            guard !seconds.isNaN else { throw EngineError.invalidCast(value: SQLValue.sparkDouble(seconds), from: source, type: target) }
            let micros = seconds * Double(microsPerSecond)
            guard micros.magnitude < 9.223372036854775807e18 else {
                throw EngineError.castOverflow(value: SQLValue.sparkDouble(micros) + "D", from: .double, to: .bigint)
            }
            return .timestamp(Int64(micros.rounded(.towardZero)))
        case (.decimal(let seconds), .timestamp):
            guard let micros = seconds.withScale(seconds.scale + 6).map({ SQLDecimal(unscaled: $0.unscaled, scale: seconds.scale) }),
                let whole = micros.rounded(places: 0, .towardZero), let exact = Int64(exactly: whole.unscaled)
            else { throw EngineError.castOverflow(value: seconds.description, from: source, to: .bigint) }
            return .timestamp(exact)
        default:
            throw EngineError.typeMismatch(expression: "CAST(\(value) AS \(target))", message: "cannot cast \(source) to \(target)")
        }
    }
}
