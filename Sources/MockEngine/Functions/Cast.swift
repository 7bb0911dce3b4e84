import DBAPICore

/// Spark's CAST with ANSI semantics: a value that does not fit or parse is an error
/// (`CAST_INVALID_INPUT`, `ARITHMETIC_OVERFLOW`); `try_cast` turns those errors into NULL.
enum Cast {
    static func isSupported(from source: SQLType, to target: SQLType) -> Bool {
        if source == target || source == .null || target == .string || source == .string { return true }
        switch (source, target) {
        case (_, _) where source.isNumeric && target.isNumeric: return true
        case (.boolean, _) where target.isNumeric, (_, .boolean) where source.isNumeric: return true
        case (.date, .timestamp), (.timestamp, .date), (.date, .timestampNTZ), (.timestampNTZ, .date), (.timestamp, .timestampNTZ),
            (.timestampNTZ, .timestamp):
            return true
        case let (.array(a), .array(b)): return isSupported(from: a, to: b)
        case (.interval, _), (_, .interval): return IntervalCast.isSupported(from: source, to: target)
        default: return false
        }
    }

    static func value(_ value: SQLValue, from source: SQLType, to target: SQLType) throws(EngineError) -> SQLValue {
        if source == target { return value }
        switch value {
        case .null: return .null
        case .string(let text):
            if target == .string { return value }
            if case .array = target { throw EngineError.invalidCast(value: text, type: target) }
            if case let .interval(start, end) = target { return .interval(try IntervalCast.parse(text, start, end, target)) }
            guard let parsed = SQLValue.parse(text, as: target) else { throw EngineError.invalidCast(value: text, type: target) }
            return parsed
        default: break
        }
        if target == .string { return .string(Cast.string(value, type: source)) }
        switch (value, target) {
        case (.int(let number), _) where target.isIntegral:
            guard target.integralRange?.contains(number) == true else {
                throw EngineError.castOverflow(value: "\(number)", from: source, to: target)
            }
            return value
        case (.int(let number), .float), (.int(let number), .double): return .double(Double(number))
        case (.int(let number), .decimal(let precision, let scale)):
            return try fitDecimal(SQLDecimal(number), precision, scale, original: String(number), target: target)
        case (.int(let number), .boolean): return .bool(number != 0)
        case (.double(let number), _) where target.isIntegral:
            guard number.isFinite, let range = target.integralRange,
                number.rounded(.towardZero) >= Double(range.lowerBound), number.rounded(.towardZero) <= Double(range.upperBound)
            else { throw EngineError.castOverflow(value: SQLValue.sparkDouble(number), from: source, to: target) }
            let truncated = number.rounded(.towardZero)
            guard truncated < 9.223372036854775807e18 else { throw EngineError.castOverflow(value: "\(number)", from: source, to: target) }
            return .int(Int64(truncated))
        case (.double, .double), (.double, .float): return value
        case (.double(let number), .decimal(let precision, let scale)):
            guard number.isFinite, let decimal = SQLDecimal(string: "\(number)") else {
                throw EngineError.invalidCast(value: SQLValue.sparkDouble(number), from: source, type: target)
            }
            return try fitDecimal(decimal, precision, scale, original: SQLValue.sparkDouble(number), target: target)
        case (.double(let number), .boolean): return .bool(number != 0)
        case (.decimal(let number), _) where target.isIntegral:
            guard let whole = number.rounded(places: 0, roundingUp: number.unscaled >= 0 ? false : true),
                let integer = Int64(exactly: whole.unscaled), target.integralRange?.contains(integer) == true
            else { throw EngineError.castOverflow(value: "\(number)", from: source, to: target) }
            return .int(integer)
        case (.decimal(let number), .double), (.decimal(let number), .float): return .double(number.doubleValue)
        case (.decimal(let number), .decimal(let precision, let scale)):
            return try fitDecimal(number, precision, scale, original: number.description, target: target)
        case (.decimal(let number), .boolean): return .bool(number.unscaled != 0)
        case (.bool(let flag), _) where target.isIntegral: return .int(flag ? 1 : 0)
        case (.bool(let flag), .double), (.bool(let flag), .float): return .double(flag ? 1 : 0)
        case (.bool(let flag), .decimal): return .decimal(SQLDecimal(flag ? 1 : 0))
        case (.date(let days), .timestamp): return .timestamp(try DateFunctions.startOfDay(days))
        case (.timestamp(let micros), .date), (.timestampNTZ(let micros), .date):
            return .date(Int32(clamping: CivilTime.floorDivide(micros, CivilTime.microsPerDay).0))
        // The session time zone is UTC: a TIMESTAMP and a TIMESTAMP_NTZ with the same wall clock are the same micros.
        case (.date(let days), .timestampNTZ): return .timestampNTZ(try DateFunctions.startOfDay(days))
        case (.timestamp(let micros), .timestampNTZ): return .timestampNTZ(micros)
        case (.timestampNTZ(let micros), .timestamp): return .timestamp(micros)
        case (.interval, _), (_, .interval):
            return try IntervalCast.value(value, from: source, to: target)
        case (.array(let items), .array(let element)):
            guard case .array(let sourceElement) = source else { break }
            var out: [SQLValue] = []
            for item in items { out.append(try Cast.value(item, from: sourceElement, to: element)) }
            return .array(out)
        default: break
        }
        throw EngineError.typeMismatch(expression: "CAST(\(value) AS \(target))", message: "cannot cast \(source) to \(target)")
    }

    private static func fitDecimal(
        _ number: SQLDecimal, _ precision: Int, _ scale: Int, original: String, target: SQLType
    ) throws(EngineError) -> SQLValue {
        guard let fitted = number.fits(precision: precision, scale: scale) else {
            throw EngineError.decimalOutOfRange(original, precision: precision, scale: scale)
        }
        return .decimal(fitted)
    }

    /// Spark's text form of a value (what `CAST(x AS STRING)` returns).
    static func string(_ value: SQLValue, type: SQLType) -> String {
        switch value {
        case .array(let items):
            let element: SQLType
            if case .array(let inner) = type { element = inner } else { element = .string }
            return "[" + items.map { $0.isNull ? "NULL" : string($0, type: element) }.joined(separator: ", ") + "]"
        case .double(let number) where type == .float:
            return SQLValue.sparkDouble(Double(Float(number)))
        default:
            return value.description
        }
    }
}
