/// Reading values of a given SQL type from text (CSV cells, casts from STRING, JSON strings).
extension SQLValue {
    /// The value of `text` as `type`, following Spark's string-to-type casts (but BINARY is read from base64,
    /// the form mock data gives it); nil when it does not parse.
    ///
    /// Integers must be whole numbers within range, decimals are rounded half-up to the type's scale
    /// and must fit its precision, dates and timestamps are read as Spark's cast reads them (`2024-1-5`,
    /// `2024-01-15 10:00:00 UTC`; `CivilTime+Spark.swift`), offsets normalised to UTC.
    public static func parse(_ text: String, as type: SQLType) -> SQLValue? {
        switch type {
        case .null: return .null
        case .string: return .string(text)
        case .boolean:
            switch text.trimmingSpaces().lowercased() {
            case "true", "t", "yes", "y", "1": return .bool(true)
            case "false", "f", "no", "n", "0": return .bool(false)
            default: return nil
            }
        case .tinyint, .smallint, .int, .bigint:
            guard let number = Int64(text.trimmingSpaces()), let range = type.integralRange, range.contains(number) else {
                return nil
            }
            return .int(number)
        case .float, .double:
            return parseDouble(text.trimmingSpaces()).map { .double($0) }
        case let .decimal(precision, scale):
            guard let number = SQLDecimal(string: text.trimmingSpaces()), let fitted = number.fitted(precision: precision, scale: scale)
            else {
                return nil
            }
            return .decimal(fitted)
        case .date:
            let trimmed = text.trimmingSpaces()
            if let days = CivilTime.parseSparkDate(trimmed) { return .date(days) }
            guard trimmed.utf8.count > 10, let micros = CivilTime.parseTimestamp(trimmed) else { return nil }
            return .date(Int32(clamping: CivilTime.floorDivide(micros, CivilTime.microsPerDay).0))
        case .timestamp:
            return CivilTime.parseSparkTimestamp(text.trimmingSpaces()).map { .timestamp($0) }
        case .timestampNTZ:
            return CivilTime.parseSparkTimestamp(text.trimmingSpaces(), applyingOffset: false).map { .timestampNTZ($0) }
        case let .interval(start, end):
            return (try? SQLInterval.parse(text, start: start, end: end)).map { .interval($0) }
        case .array, .map, .struct, .nested:  // nested values are read from JSON: `SQLValue(json:as:)`
            return nil
        case .binary:  // standard base64, as mock data holds BINARY (a CAST from STRING takes the UTF-8 bytes instead)
            return Base64Strict.decode(text).map { .binary($0) }
        }
    }

    /// Parses a double the way Spark casts strings: decimal or exponent notation, `NaN`, `Infinity`.
    ///
    /// Only those: Swift's `Double(_:)` also reads hexadecimal (`0x1p3`, `0x10`), which is refused
    /// here, so no text that a warehouse rejects as a number is a number on the mock.
    public static func parseDouble(_ text: String) -> Double? {
        let isDecimalNotation = text.utf8.allSatisfy {
            ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69
        }
        if isDecimalNotation { return Double(text) }
        switch text.lowercased() {
        case "nan": return .nan
        case "infinity", "+infinity", "inf", "+inf": return .infinity
        case "-infinity", "-inf": return -.infinity
        default: return nil
        }
    }
}

extension SQLValue {
    /// `parseDouble` over UTF-8 bytes. Plain decimals with at most 15 significant digits and 22
    /// fraction digits are exact as `digits / 10^k` (both exact doubles, one correctly rounded
    /// division); everything else goes through the general parser.
    public static func parseDouble(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                mantissa = mantissa &* 10 &+ Int64(byte - UInt8(ascii: "0"))
                if mantissa != 0 { digits += 1 }
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        let plain = index == bytes.count && index > (negative ? 1 : 0) && digits <= 15 && fractionDigits <= 22
        guard plain, !(sawPoint && index == (negative ? 2 : 1)) else {
            return parseDouble(String(decoding: bytes, as: UTF8.self))
        }
        let magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { product, _ in product * 10 }
    }
}
