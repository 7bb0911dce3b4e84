import DBAPICore

/// The character sets Spark 4's `encode` and `decode` accept (named in any case), with Java's coders
/// reporting malformed input (MALFORMED_CHARACTER_CODING) rather than replacing it.
enum BinaryCharset: String, CaseIterable {
    case iso88591 = "iso-8859-1"
    case usASCII = "us-ascii"
    case utf16 = "utf-16"
    case utf16BE = "utf-16be"
    case utf16LE = "utf-16le"
    case utf32 = "utf-32"
    case utf8 = "utf-8"

    /// The charset named `name`, or Spark's INVALID_PARAMETER_VALUE.CHARSET for `function`.
    static func named(_ name: String, _ function: String) throws(EngineError) -> BinaryCharset {
        if let charset = BinaryCharset(rawValue: name.lowercased()) { return charset }
        throw EngineError.classified(
            errorClass: "INVALID_PARAMETER_VALUE.CHARSET", sqlState: "22023",
            message: "The value of parameter(s) `charset` in `\(function)` is invalid: expects one of the "
                + allCases.map(\.rawValue).joined(separator: ", ") + ", but got \(name).")
    }

    /// The bytes of `text` (UTF-16 with a big-endian byte order mark, UTF-32 big-endian, as Java writes them).
    func encode(_ text: String, charsetName: String) throws(EngineError) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .iso88591, .usASCII:
            let limit: UInt32 = self == .usASCII ? 0x7F : 0xFF
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                guard scalar.value <= limit else { throw Self.malformed("encode", charsetName) }
                out.append(UInt8(scalar.value))
            }
            return out
        case .utf16, .utf16BE, .utf16LE:
            var out: [UInt8] = self == .utf16 && !text.isEmpty ? [0xFE, 0xFF] : []
            for unit in text.utf16 {
                let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
                out += self == .utf16LE ? [low, high] : [high, low]
            }
            return out
        case .utf32:
            var out: [UInt8] = []
            for scalar in text.unicodeScalars {
                let value = scalar.value
                out += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            }
            return out
        }
    }

    /// The text of `bytes`; malformed bytes are Spark's MALFORMED_CHARACTER_CODING.
    func decode(_ bytes: [UInt8], charsetName: String) throws(EngineError) -> String {
        switch self {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Self.malformed("decode", charsetName) }
            return text
        case .iso88591, .usASCII:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                guard self == .iso88591 || byte < 0x80 else { throw Self.malformed("decode", charsetName) }
                scalars.append(Unicode.Scalar(byte))
            }
            return String(scalars)
        case .utf16, .utf16BE, .utf16LE:
            guard bytes.count % 2 == 0 else { throw Self.malformed("decode", charsetName) }
            var isLittleEndian = self == .utf16LE
            var start = 0
            if self == .utf16, bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) {
                isLittleEndian = bytes[0] == 0xFF
                start = 2
            }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            for index in stride(from: start, to: bytes.count, by: 2) {
                let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(isLittleEndian ? second << 8 | first : first << 8 | second)
            }
            guard let text = String(validating: units, as: UTF16.self) else { throw Self.malformed("decode", charsetName) }
            return text
        case .utf32:
            guard bytes.count % 4 == 0 else { throw Self.malformed("decode", charsetName) }
            func unit(_ index: Int, _ isLittleEndian: Bool) -> UInt32 {
                let word = bytes[index..<index + 4]
                return (isLittleEndian ? word.reversed() : Array(word)).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            }
            // A byte order mark first says the order (and is dropped); without one the bytes are big-endian.
            let isLittleEndian = bytes.count >= 4 && unit(0, true) == 0xFEFF
            let start = bytes.count >= 4 && unit(0, isLittleEndian) == 0xFEFF ? 4 : 0
            var scalars = String.UnicodeScalarView()
            for index in stride(from: start, to: bytes.count, by: 4) {
                let value = unit(index, isLittleEndian)
                guard value <= 0x10FFFF else { throw Self.malformed("decode", charsetName) }
                // Java's decoder turns a surrogate code point into `?`; the mock does not copy that.
                guard let scalar = Unicode.Scalar(value) else { throw EngineError.unsupported("decode of a UTF-32 surrogate code point") }
                scalars.append(scalar)
            }
            return String(scalars)
        }
    }

    private static func malformed(_ function: String, _ charsetName: String) -> EngineError {
        .classified(
            errorClass: "MALFORMED_CHARACTER_CODING", sqlState: "22000",
            message: "Invalid value found when performing `\(function)` with \(charsetName)")
    }
}
