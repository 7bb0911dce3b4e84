import DBAPICore

/// Base64 as Spark's `base64` and `unbase64` do it: Java's MIME encoder and decoder.
enum Base64Text {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// MIME base64 as Spark writes it: padded, lines of 76 characters separated by CRLF.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4 + bytes.count / 57 * 2)
        var written = 0
        for start in stride(from: 0, to: bytes.count, by: 3) {
            if written == 76 {
                out.append(contentsOf: [13, 10])
                written = 0
            }
            let chunk = bytes[start..<min(start + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for index in 0..<4 {
                out.append(index <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(index)) & 63)] : UInt8(ascii: "="))
            }
            written += 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of MIME base64 text as Java's MIME decoder reads it: bytes outside the alphabet are
    /// skipped, `=` ends the data; the decoder's complaints are returned as its message.
    static func decode(_ text: String) -> Result<[UInt8], Base64Error> {
        let source = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count / 4 * 3 + 2)
        var (bits, shift, position) = (UInt32(0), 18, 0)
        while position < source.count {
            let byte = source[position]
            position += 1
            guard let value = Base64Strict.digit(byte) else {
                guard byte == UInt8(ascii: "=") else { continue }
                // `=` after no digit of a unit is misplaced; after two digits a second `=` must follow.
                let isPaired = shift == 6 && position < source.count && source[position] == UInt8(ascii: "=")
                if shift == 18 || (shift == 6 && !isPaired) {
                    return .failure(Base64Error("Input byte array has wrong 4-byte ending unit"))
                }
                if isPaired { position += 1 }
                break
            }
            bits |= value << UInt32(shift)
            shift -= 6
            if shift < 0 {
                out += [UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
                (bits, shift) = (0, 18)
            }
        }
        switch shift {
        case 6: out.append(UInt8(truncatingIfNeeded: bits >> 16))
        case 0: out += [UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8)]
        case 12: return .failure(Base64Error("Last unit does not have enough valid bits"))
        default: break
        }
        while position < source.count {
            position += 1
            if Base64Strict.digit(source[position - 1]) != nil {  // after the padding only non-digits may follow
                return .failure(Base64Error("Input byte array has incorrect ending byte at \(position)"))
            }
        }
        return .success(out)
    }

    /// Java's IllegalArgumentException from the decoder (Spark reports it without an error class).
    struct Base64Error: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
