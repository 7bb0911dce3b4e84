import DBAPICore

/// Infers a column type from sample texts, as Spark's CSV reader does: the narrowest of INT, BIGINT,
/// DOUBLE, BOOLEAN, DATE, TIMESTAMP that every non-null value fits, else STRING.
struct TypeInference {
    private(set) var type: SQLType = .null

    var inferred: SQLType { type == .null ? .string : type }

    mutating func observe(_ bytes: ArraySlice<UInt8>) {
        if type == .string { return }
        type = Self.merge(type, Self.detect(bytes))
    }

    static func detect(_ bytes: ArraySlice<UInt8>) -> SQLType {
        if let number = parseInteger(bytes) { return Int32(exactly: number) == nil ? .bigint : .int }
        let text = String(decoding: bytes, as: UTF8.self)
        if looksNumeric(bytes), SQLValue.parseDouble(text) != nil { return .double }
        switch text.lowercased() {
        case "true", "false": return .boolean
        default: break
        }
        if bytes.count == 10, CivilTime.parseDate(text) != nil { return .date }
        if bytes.count > 10, bytes.count <= 35, CivilTime.parseTimestamp(text) != nil { return .timestamp }
        return .string
    }

    static func merge(_ a: SQLType, _ b: SQLType) -> SQLType {
        if a == b || b == .null { return a }
        if a == .null { return b }
        switch (a, b) {
        case (.int, .bigint), (.bigint, .int): return .bigint
        case (.int, .double), (.bigint, .double), (.double, .int), (.double, .bigint): return .double
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        default: return .string
        }
    }

    /// A decimal integer with an optional sign (leading zeros allowed, as Spark's `Long.parseLong`),
    /// parsed without allocating; nil outside BIGINT's range.
    static func parseInteger(_ bytes: ArraySlice<UInt8>) -> Int64? {
        bytes.withUnsafeBufferPointer { Int64(decimalUTF8: $0) }
    }

    private static func looksNumeric(_ bytes: ArraySlice<UInt8>) -> Bool {
        var sawDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"): continue
            default: return false
            }
        }
        return sawDigit
    }
}
