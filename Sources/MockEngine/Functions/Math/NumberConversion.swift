import DBAPICore

/// `conv(number, fromBase, toBase)` as Spark's `NumberConverter` computes it: the digits (up to the first
/// character that is not a digit in `fromBase`) are read as an unsigned 64-bit number and written in
/// `|toBase|`, upper case; a negative `toBase` writes a signed result. A base outside 2…36 gives NULL; a
/// number past 64 bits is ARITHMETIC_OVERFLOW (ANSI mode).
enum NumberConversion {
    static func convert(_ text: String, from fromBase: Int, to toBase: Int) throws(EngineError) -> SQLValue {
        guard (2...36).contains(fromBase), (2...36).contains(abs(toBase)), !text.isEmpty else { return .null }
        var bytes = Substring(text).utf8[...]
        var negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var value = try encode(bytes, radix: fromBase)
        if negative, toBase > 0 { value = value < 0 ? -1 : 0 &- value }
        if toBase < 0, value < 0 {
            value = 0 &- value
            negative = true
        }
        var digits = String(UInt64(bitPattern: value), radix: abs(toBase), uppercase: true)
        if negative, toBase < 0 { digits = "-" + digits }
        return .string(digits)
    }

    /// The digits as a 64-bit pattern, reading until the first non-digit (Spark's `encode`, overflow checked
    /// with its signed comparisons).
    private static func encode(_ bytes: Substring.UTF8View.SubSequence, radix: Int) throws(EngineError) -> Int64 {
        let base = Int64(radix)
        let bound = Int64(bitPattern: UInt64(bitPattern: -1 - base) / UInt64(radix))
        var value: Int64 = 0
        for byte in bytes {
            guard let digit = digitValue(byte), digit < radix else { break }
            if value < 0 { throw EngineError.overflow("Overflow in function conv()") }  // past 63 bits already
            if value >= bound, Int64(bitPattern: UInt64(bitPattern: -1 - Int64(digit)) / UInt64(radix)) < value {
                throw EngineError.overflow("Overflow in function conv()")
            }
            value = value &* base &+ Int64(digit)
        }
        return value
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
