/// One SQL value. The static type lives with the column (`SQLType`); the value carries only what it
/// needs: all integral types are `.int`, FLOAT and DOUBLE are `.double`, DATE is days since the epoch
/// and TIMESTAMP is microseconds since the epoch in UTC.
///
/// Equality and hashing follow Spark, not Swift: strings compare by code points (`"é"` is not
/// `"e\u{301}"`), NaN equals NaN, and decimals compare by value whatever their scale.
public enum SQLValue: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case decimal(SQLDecimal)
    case string(String)
    /// A BINARY value's bytes.
    case binary([UInt8])
    case date(Int32)
    case timestamp(Int64)
    /// Microseconds of a local date-time without a time zone, counted as if it were UTC.
    case timestampNTZ(Int64)
    /// A year-month or day-time interval (`SQLType.interval`).
    case interval(SQLInterval)
    case array([SQLValue])
    /// A MAP's entries in order (keys unique and never NULL).
    case map([SQLMapEntry])
    /// A STRUCT's fields in order, named as its type names them.
    case `struct`([SQLField])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A plain rendering for messages and table output (`NULL`, `2024-01-31`, `12.50`).
    public var description: String {
        switch self {
        case .null: "NULL"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): SQLValue.sparkDouble(number)
        case .decimal(let number): number.description
        case .string(let text): text
        case .binary(let bytes): "X'" + SQLValue.hexDigits(bytes) + "'"
        case .date(let days): CivilTime.formatDate(days)
        case .timestamp(let micros), .timestampNTZ(let micros): CivilTime.formatTimestamp(micros, separator: " ", zone: "")
        case .interval(let interval): interval.description
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .map(let entries): "{" + entries.map { $0.key.description + ": " + $0.value.description }.joined(separator: ", ") + "}"
        case .struct(let fields): "{" + fields.map { $0.name + ": " + $0.value.description }.joined(separator: ", ") + "}"
        }
    }

    /// Upper-case hexadecimal digits of `bytes`, two per byte (`0A1B`), as Spark's `hex` writes them.
    public static func hexDigits(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Spark's (Java's) string form of a DOUBLE: `1.0`, `0.001`, `1.5E10`, `1.0E-4`, `NaN`, `Infinity`.
    public static func sparkDouble(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(abs(number))
        let sign = number < 0 ? "-" : ""
        let magnitude = abs(number)
        if magnitude >= 1e-3, magnitude < 1e7 {
            if exponent >= 0 {
                let integerCount = exponent + 1
                let integer =
                    digits.count >= integerCount
                    ? String(digits.prefix(integerCount))
                    : digits + String(repeating: "0", count: integerCount - digits.count)
                let fraction = digits.count > integerCount ? String(digits.dropFirst(integerCount)) : "0"
                return sign + integer + "." + fraction
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return sign + String(digits.prefix(1)) + "." + fraction + "E" + String(exponent)
    }

    /// The shortest round-trip significant digits of a positive finite double and the decimal
    /// exponent of the first digit.
    private static func shortestDigits(_ number: Double) -> (String, Int) {
        let text = "\(number)"
        var mantissa = text
        var exponent = 0
        if let marker = text.firstIndex(of: "e") {
            mantissa = String(text[..<marker])
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        var pointExponent = integer.count - 1 + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            pointExponent -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        return (digits, pointExponent)
    }
}

// MARK: - Spark equality and hashing

extension SQLValue: Hashable {
    public static func == (lhs: SQLValue, rhs: SQLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b || (a.isNaN && b.isNaN)
        case let (.decimal(a), .decimal(b)): a == b
        case let (.string(a), .string(b)): a.hasSameBytes(as: b)
        case let (.binary(a), .binary(b)): a == b
        case let (.date(a), .date(b)): a == b
        case let (.timestamp(a), .timestamp(b)), let (.timestampNTZ(a), .timestampNTZ(b)): a == b
        case let (.interval(a), .interval(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.map(a), .map(b)): a == b
        case let (.struct(a), .struct(b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let flag): hasher.combine(flag)
        case .int(let number): hasher.combine(number)
        case .double(let number): hasher.combine(number.isNaN ? Double.nan.bitPattern : (number == 0 ? 0 : number.bitPattern))
        case .decimal(let number): hasher.combine(number)
        case .string(let text):
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        case .binary(let bytes): bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        case .date(let days): hasher.combine(days)
        case .timestamp(let micros), .timestampNTZ(let micros): hasher.combine(micros)
        case .interval(let interval): hasher.combine(interval)
        case .array(let items): hasher.combine(items)
        case .map(let entries): hasher.combine(entries)
        case .struct(let fields): hasher.combine(fields)
        }
    }
}

/// One entry of a MAP value.
public struct SQLMapEntry: Sendable, Hashable {
    public var key: SQLValue
    public var value: SQLValue

    public init(_ key: SQLValue, _ value: SQLValue) {
        self.key = key
        self.value = value
    }
}

/// One field of a STRUCT value.
public struct SQLField: Sendable, Hashable {
    public var name: String
    public var value: SQLValue

    public init(_ name: String, _ value: SQLValue) {
        self.name = name
        self.value = value
    }
}
