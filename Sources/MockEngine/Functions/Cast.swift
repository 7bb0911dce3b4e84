import DBAPICore

/// Spark's CAST with ANSI semantics: a value that does not fit or parse is an error
/// (`CAST_INVALID_INPUT`, `ARITHMETIC_OVERFLOW`); `try_cast` turns those errors into NULL.
enum Cast {
    static func isSupported(from source: SQLType, to target: SQLType) -> Bool {
        if source == target || source == .null || target == .string { return true }
        if source == .string { return !target.isNested }
        switch (source, target) {
        case (_, _) where source.isNumeric && target.isNumeric: return true
        case (.boolean, _) where target.isNumeric, (_, .boolean) where source.isNumeric: return true
        case (.date, .timestamp), (.timestamp, .date), (.date, .timestampNTZ), (.timestampNTZ, .date), (.timestamp, .timestampNTZ),
            (.timestampNTZ, .timestamp):
            return true
        case (.timestamp, _) where target.isNumeric, (_, .timestamp) where source.isNumeric: return true  // seconds since the epoch
        case let (.array(a), .array(b)): return isSupported(from: a, to: b)
        case (.interval, _), (_, .interval): return IntervalCast.isSupported(from: source, to: target)
        case let (.map(k1, v1), .map(k2, v2)): return isSupported(from: k1, to: k2) && isSupported(from: v1, to: v2)
        case let (.struct(a), .struct(b)):
            return a.count == b.count && zip(a, b).allSatisfy { isSupported(from: $0.type, to: $1.type) }
        default: return false
        }
    }

    static func value(_ value: SQLValue, from source: SQLType, to target: SQLType) throws(EngineError) -> SQLValue {
        if source == target { return value }
        if target == .float {  // a FLOAT is held as the DOUBLE of its 32-bit value
            guard case .double(let number) = try Cast.value(value, from: source, to: .double) else { return .null }
            return .double(Double(Float(number)))
        }
        switch value {
        case .null: return .null
        case .string(let text):
            if target == .string { return value }
            if target == .binary { return .binary(Array(text.utf8)) }
            if target.isNested { throw EngineError.invalidCast(value: text, type: target) }
            if case let .interval(start, end) = target { return .interval(try IntervalCast.parse(text, start, end, target)) }
            if case let .decimal(precision, scale) = target { return try decimal(text, precision, scale, target) }
            if target == .double {  // (a FLOAT came here as DOUBLE) Java's syntax: `1.5d`, `0x1.8p1`
                guard let number = JavaFloatingSyntax.double(text) else { throw EngineError.invalidCast(value: text, type: target) }
                return .double(number)
            }
            guard let parsed = SQLValue.parse(text, as: target) else { throw EngineError.invalidCast(value: text, type: target) }
            return parsed
        default: break
        }
        if target == .string {
            if source.containsBinary, !value.binaryIsUTF8 { throw EngineError.binaryNotUTF8("CAST to STRING") }
            return .string(Cast.string(value, type: source))
        }
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
            guard number.isFinite else { throw EngineError.invalidCast(value: SQLValue.sparkDouble(number), from: source, type: target) }
            guard let decimal = SQLDecimal(string: "\(number)") else {  // beyond any DECIMAL: Spark says so in plain digits
                throw EngineError.decimalOutOfRange(plainDigits(number), precision: precision, scale: scale)
            }
            return try fitDecimal(decimal, precision, scale, original: decimal.description, target: target)
        case (.double(let number), .boolean): return .bool(number != 0)
        case (.decimal(let number), _) where target.isIntegral:
            guard let whole = number.rounded(places: 0, .towardZero),
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
        case (.timestamp, _), (_, .timestamp): return try EpochSecondsCast.value(value, from: source, to: target)
        case (.array, .array), (.map, .map), (.struct, .struct): return try nested(value, from: source, to: target)
        default: break
        }
        throw EngineError.typeMismatch(expression: "CAST(\(value) AS \(target))", message: "cannot cast \(source) to \(target)")
    }

    /// A finite double's shortest decimal form without an exponent (`1.0E40` is 1 and forty zeros), as
    /// Java's `BigDecimal.toPlainString` writes it.
    static func plainDigits(_ number: Double) -> String {
        let text = "\(number.magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? text
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let dot = mantissa.firstIndex(of: ".")
        var digits = mantissa.replacingOccurrences(of: ".", with: "")
        var point = (dot.map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        while point > digits.count { digits += "0" }
        while point < 1 {
            digits = "0" + digits
            point += 1
        }
        var integral = String(digits.prefix(point))
        var fraction = String(digits.dropFirst(point))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while integral.count > 1, integral.hasPrefix("0") { integral.removeFirst() }
        return (number < 0 ? "-" : "") + integral + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Text cast to DECIMAL(precision, scale) as Spark casts it: any number in Java's syntax, rounded half-up to
    /// the scale; one that does not fit is NUMERIC_VALUE_OUT_OF_RANGE (NUMERIC_OUT_OF_SUPPORTED_RANGE past 38
    /// integer digits), text that is no number CAST_INVALID_INPUT.
    private static func decimal(_ text: String, _ precision: Int, _ scale: Int, _ target: SQLType) throws(EngineError) -> SQLValue {
        if let value = SQLValue.parse(text, as: target) { return value }  // the common case, without allocating
        guard let number = DecimalText(reading: text) else { throw EngineError.invalidCast(value: text, type: target) }
        guard number.integer.count <= SQLType.maxDecimalPrecision else {
            throw EngineError.analysis(
                "NUMERIC_OUT_OF_SUPPORTED_RANGE",
                "The value \(text.trimmingSpaces()) cannot be interpreted as a numeric since it has more than 38 digits.")
        }
        let rounded = number.rounded(toPlaces: scale, tie: .up)
        guard rounded.integer.count <= precision - scale,
            let value = SQLDecimal(string: rounded.plainText)?.fitted(precision: precision, scale: scale)
        else { throw EngineError.decimalOutOfRange(number.plainText, precision: precision, scale: scale) }
        return .decimal(value)
    }

    private static func fitDecimal(
        _ number: SQLDecimal, _ precision: Int, _ scale: Int, original: String, target: SQLType
    ) throws(EngineError) -> SQLValue {
        guard let fitted = number.fitted(precision: precision, scale: scale) else {
            throw EngineError.decimalOutOfRange(original, precision: precision, scale: scale)
        }
        return .decimal(fitted)
    }

    /// An ARRAY, MAP or STRUCT cast element by element (a STRUCT's fields by position, renamed).
    private static func nested(_ value: SQLValue, from source: SQLType, to target: SQLType) throws(EngineError) -> SQLValue {
        switch (value, source, target) {
        case let (.array(items), .array(from), .array(to)):
            var out: [SQLValue] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try Cast.value(item, from: from, to: to)) }
            return .array(out)
        case let (.map(entries), .map(fromKey, fromValue), .map(toKey, toValue)):
            var out: [SQLMapEntry] = []
            out.reserveCapacity(entries.count)
            for entry in entries {
                out.append(
                    SQLMapEntry(
                        try Cast.value(entry.key, from: fromKey, to: toKey), try Cast.value(entry.value, from: fromValue, to: toValue)))
            }
            return .map(out)
        case let (.struct(fields), .struct(from), .struct(to)) where fields.count == to.count && from.count == to.count:
            var out: [SQLField] = []
            out.reserveCapacity(fields.count)
            for (position, field) in fields.enumerated() {
                out.append(SQLField(to[position].name, try Cast.value(field.value, from: from[position].type, to: to[position].type)))
            }
            return .struct(out)
        default:
            throw EngineError.typeMismatch(expression: "CAST(\(value) AS \(target))", message: "cannot cast \(source) to \(target)")
        }
    }

    /// Spark's text form of a value (what `CAST(x AS STRING)` returns): `[1, null]`, `{a -> 1}` for a
    /// MAP, `{1, x}` for a STRUCT.
    static func string(_ value: SQLValue, type: SQLType) -> String {
        func element(_ item: SQLValue, _ type: SQLType) -> String { item.isNull ? "null" : string(item, type: type) }
        switch (value, type) {
        case let (.array(items), .array(inner)):
            return "[" + items.map { element($0, inner) }.joined(separator: ", ") + "]"
        case let (.map(entries), .map(key, inner)):
            return "{" + entries.map { element($0.key, key) + " -> " + element($0.value, inner) }.joined(separator: ", ") + "}"
        case let (.struct(fields), .struct(types)) where fields.count == types.count:
            return "{" + zip(fields, types).map { element($0.value, $1.type) }.joined(separator: ", ") + "}"
        case (.binary(let bytes), _): return String(decoding: bytes, as: UTF8.self)
        case (.double(let number), .float):  // Java's Float.toString: the float's shortest digits
            return SQLValue.sparkDouble(Double("\(Float(number))") ?? number)
        case (.array(let items), _):
            return "[" + items.map { element($0, .null) }.joined(separator: ", ") + "]"
        case (.map(let entries), _):
            return "{" + entries.map { element($0.key, .null) + " -> " + element($0.value, .null) }.joined(separator: ", ") + "}"
        case (.struct(let fields), _):
            return "{" + fields.map { element($0.value, .null) }.joined(separator: ", ") + "}"
        default:
            return value.description
        }
    }
}
