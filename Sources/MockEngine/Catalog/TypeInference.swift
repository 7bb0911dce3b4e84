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

    /// A decimal integer of at most 19 digits with an optional sign, parsed without allocating;
    /// nil outside BIGINT's range (`-9223372036854775808` is inside it).
    static func parseInteger(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.endIndex, bytes.endIndex - index <= 19 else { return nil }
        var magnitude: UInt64 = 0  // 19 digits always fit; the sign is applied after the range check
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            magnitude = magnitude * 10 + UInt64(byte - UInt8(ascii: "0"))
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- magnitude)
        }
        return Int64(exactly: magnitude)
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
