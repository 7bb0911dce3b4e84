import DBAPICore

/// Text to DOUBLE as Spark's CAST reads it (Java's `Double.parseDouble` after trimming, plus Spark's words
/// `inf`, `infinity`, `nan` in any case): decimal or exponent notation, or a hexadecimal significand with a
/// binary exponent (`0x1.8p1`), either with an optional `d`/`f` type suffix. `0x10` (no exponent), `1e`,
/// `1_0` and other digits than ASCII are not numbers. Mock data and parameters keep the stricter
/// `SQLValue.parseDouble`.
enum JavaFloatingSyntax {
    static func double(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        if let number = SQLValue.parseDouble(trimmed) { return number }
        var body = Substring(trimmed)
        if let last = body.utf8.last, [UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "f"), UInt8(ascii: "F")].contains(last) {
            body = body.dropLast()
        }
        guard !body.isEmpty else { return nil }
        if isDecimalNotation(body) { return SQLValue.parseDouble(String(body)) }
        return isHexadecimalNotation(body) ? Double(String(body)) : nil
    }

    private static func isDecimalNotation(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }
    }

    /// `[+-]0x` hex digits, optionally `.` and more, at least one digit in all, then `p[+-]` decimal digits.
    private static func isHexadecimalNotation(_ text: Substring) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard bytes.starts(with: "0x".utf8) || bytes.starts(with: "0X".utf8) else { return false }
        bytes = bytes.dropFirst(2)
        func isHex(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
        }
        let significand = bytes.prefix { isHex($0) || $0 == UInt8(ascii: ".") }
        guard significand.contains(where: isHex), significand.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else { return false }
        bytes = bytes.dropFirst(significand.count)
        guard let marker = bytes.first, marker | 0x20 == UInt8(ascii: "p") else { return false }
        bytes = bytes.dropFirst()
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
