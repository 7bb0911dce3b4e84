import DBAPICore

/// `url_encode`, `url_decode` and `try_url_decode`: `application/x-www-form-urlencoded` text as Java's
/// `URLEncoder` and `URLDecoder` write and read it in UTF-8 (a space is `+`; letters, digits and `.-*_`
/// stay; every other byte is `%XX`). Malformed escapes are Spark's CANNOT_DECODE_URL (NULL under `try_`).
enum URLCoding {
    static let declarations: [ScalarDeclaration] = [
        .strict(["url_encode"], .string, returns: .string) { value in .string(encode(value.text)) },
        .strict(["url_decode"], .string, returns: .string) { value throws(EngineError) in
            guard let decoded = decode(value.text) else { throw cannotDecode(value.text) }
            return .string(decoded)
        },
        .strict(["try_url_decode"], .string, returns: .string) { value in decode(value.text).map { .string($0) } ?? .null },
    ]

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "+"))
            default: out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The decoded text, nil for an incomplete or invalid escape. Each run of escapes is decoded as UTF-8,
    /// malformed bytes becoming U+FFFD; the two characters after `%` are read as Java's `Integer.parseInt`
    /// reads hexadecimal (a sign allowed, a negative value refused).
    static func decode(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var bytes: [UInt8] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, let byte = escapedByte(scalars[index + 1], scalars[index + 2]) else { return nil }
                bytes.append(byte)
                index += 3
                continue
            }
            if !bytes.isEmpty {
                out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
                bytes = []
            }
            out.append(scalar == "+" ? " " : scalar)
            index += 1
        }
        out.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars)
        return String(out)
    }

    private static func escapedByte(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt8? {
        guard let low = hexValue(second) else { return nil }
        if first == "+" { return low }
        if first == "-" { return low == 0 ? 0 : nil }
        guard let high = hexValue(first) else { return nil }
        return high << 4 | low
    }

    /// A hexadecimal digit's value (ASCII digits and letters only).
    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "0"..."9": UInt8(scalar.value - 48)
        case "a"..."f": UInt8(scalar.value - 87)
        case "A"..."F": UInt8(scalar.value - 55)
        default: nil
        }
    }

    private static func cannotDecode(_ text: String) -> EngineError {
        .classified(
            errorClass: "CANNOT_DECODE_URL", sqlState: "22546",
            message: "The provided URL cannot be decoded: \(text). Please ensure that the URL is properly formatted and try again.")
    }
}
