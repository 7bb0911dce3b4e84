/// Standard base64 (RFC 4648, `+` and `/`, `=` padding to a multiple of four) read strictly: the form BINARY
/// values take in mock data files. Anything else (white space, a missing `=`, the URL-safe alphabet) is refused.
public enum Base64Strict {
    /// The bytes of `text`, or nil when it is not padded standard base64.
    public static func decode(_ text: String) -> [UInt8]? {
        let source = Array(text.utf8)
        guard source.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(source.count / 4 * 3)
        for start in stride(from: 0, to: source.count, by: 4) {
            let isLast = start + 4 == source.count
            var bits: UInt32 = 0
            var digits = 0
            for offset in 0..<4 {
                let byte = source[start + offset]
                if byte == UInt8(ascii: "=") {
                    // Padding only at the end: `xx==` or `xxx=`.
                    guard isLast, offset >= 2, source[(start + offset)..<(start + 4)].allSatisfy({ $0 == UInt8(ascii: "=") }) else {
                        return nil
                    }
                    break
                }
                guard let value = digit(byte) else { return nil }
                bits |= value << UInt32(18 - 6 * offset)
                digits += 1
            }
            let bytes = [UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
            out += bytes.prefix(digits - 1)
        }
        return out
    }

    /// The value of a base64 digit (standard alphabet), nil for any other byte.
    package static func digit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 65...90: UInt32(byte - 65)
        case 97...122: UInt32(byte - 71)
        case 48...57: UInt32(byte + 4)
        case 43: 62
        case 47: 63
        default: nil
        }
    }
}
