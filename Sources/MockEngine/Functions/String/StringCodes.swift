import DBAPICore

/// `soundex(s)` and `luhn_check(s)`: codes and checksums computed from a string's letters and digits, as
/// Spark's `UTF8String.soundex` and `ExpressionImplUtils.isLuhnNumber` compute them.
enum StringCodes {
    static let declarations: [ScalarDeclaration] = [
        .strict(["soundex"], .string, casting: false, returns: .string) { value in .string(soundex(value.text)) },
        .strict(["luhn_check"], .string, returns: .boolean) { value in .bool(isLuhnNumber(value.text)) },
    ]

    /// American Soundex codes of A to Z; `7` marks H and W, which are skipped without separating codes.
    private static let codes = Array("01230127022455012623017202".utf8)

    /// Spark's soundex over UTF-8 bytes: a string not starting with an ASCII letter is returned unchanged;
    /// any other byte that is not an ASCII letter separates equal codes.
    static func soundex(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.first.flatMap(upperLetter) else { return text }
        var out = [first]
        var last = codes[Int(first - 65)]
        for byte in bytes.dropFirst() {
            guard let letter = upperLetter(byte) else {
                last = UInt8(ascii: "0")
                continue
            }
            let code = codes[Int(letter - 65)]
            if code == UInt8(ascii: "7") { continue }
            if code != UInt8(ascii: "0") && code != last {
                out.append(code)
                if out.count == 4 { break }
            }
            last = code
        }
        while out.count < 4 { out.append(UInt8(ascii: "0")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// An ASCII letter's upper-case byte, nil for any other byte.
    private static func upperLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte
        case 97...122: byte - 32
        default: nil
        }
    }

    /// The Luhn checksum test: every UTF-16 unit a decimal digit (Java's `Character.isDigit`, so any
    /// script's digits in the Basic Multilingual Plane), at least one, and the checksum a multiple of 10.
    static func isLuhnNumber(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        var sum = 0
        var doubled = false
        for scalar in text.unicodeScalars.reversed() {
            guard scalar.value <= 0xFFFF, scalar.properties.generalCategory == .decimalNumber,
                let value = scalar.properties.numericValue
            else { return false }
            var digit = Int(value)
            if doubled {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
            doubled.toggle()
        }
        return sum % 10 == 0
    }
}
