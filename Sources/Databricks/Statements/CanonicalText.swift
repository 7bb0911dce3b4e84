import DBAPICore

/// Which JSON_ARRAY cells of a column are already in the form their decoded value is written in
/// (`SQLValue.appendJSON`, minus a JSON string's quotes): those are copied to `ndjson`/`csv` output
/// as they are. Each rule accepts only text that decoding and re-encoding reproduces byte for byte
/// (`CanonicalTextTests` checks that over generated cells); anything else is decoded.
enum CanonicalRule: UInt8 {
    case text, integer, decimal, double, boolean, date, timestamp
    /// Arrays, maps, structs, TIMESTAMP_NTZ and intervals: always decoded.
    case never

    init(_ kind: ColumnDecoder.Kind) {
        switch kind {
        case .text: self = .text
        case .integer: self = .integer
        case .decimal: self = .decimal
        case .double: self = .double
        case .boolean: self = .boolean
        case .date: self = .date
        case .timestamp: self = .timestamp
        case .typed, .nested, .timestampNTZ, .interval: self = .never
        }
    }

    /// Whether canonical text of this column is written as a JSON string rather than bare.
    var writesJSONString: Bool { self == .text || self == .date || self == .timestamp }

    /// Whether `bytes` (unescaped cell text) is written unchanged once decoded.
    @inline(__always)
    func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .text: CanonicalText.isPlainText(bytes)
        case .integer: CanonicalText.isInteger(bytes)
        case .decimal: CanonicalText.isDecimal(bytes)
        case .double: CanonicalText.isDouble(bytes)
        case .boolean: CanonicalText.isBoolean(bytes)
        case .date: CanonicalText.isDate(bytes)
        case .timestamp: CanonicalText.isTimestamp(bytes)
        case .never: false
        }
    }
}

/// The byte-level checks behind `CanonicalRule`.
enum CanonicalText {
    private static let zero = UInt8(ascii: "0")
    private static let minus = UInt8(ascii: "-")
    private static let point = UInt8(ascii: ".")

    /// Well-formed UTF-8 without control characters, quote or backslash: a JSON string's content
    /// that needs no escape, and that decoding keeps byte for byte (ill-formed UTF-8 would become
    /// U+FFFD). Overlong forms, surrogates and scalars above U+10FFFF are ill-formed.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if let base = bytes.baseAddress, index &+ 8 <= bytes.count {  // eight plain ASCII bytes at a time
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & 0x8080_8080_8080_8080 == 0, JSONStringScan.specialMask(word) == 0 {
                    index &+= 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                guard lead >= 0x20, lead != UInt8(ascii: "\""), lead != UInt8(ascii: "\\") else { return false }
                index &+= 1
                continue
            }
            // The sequence length, and the range of its second byte (which rules out overlong
            // forms, surrogates and scalars above U+10FFFF); later bytes are any continuation byte.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard bytes.count - index >= length, second.contains(bytes[index &+ 1]) else { return false }
            for offset in 2..<length where bytes[index &+ offset] & 0xC0 != 0x80 { return false }
            index &+= length
        }
        return true
    }

    /// `-?(0|[1-9][0-9]{0,17})`, not `-0`: fits Int64 without an overflow check.
    static func isInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = bytes.first == minus ? 1 : 0
        let digits = bytes.count - start
        guard digits >= 1, digits <= 18, isDigits(bytes, start..<bytes.count) else { return false }
        return digits == 1 ? (start == 0 || bytes[start] != zero) : bytes[start] != zero
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 38 digits; a minus sign needs a non-zero digit.
    static func isDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (start, pointAt) = signedDigits(bytes) else { return false }
        let integerEnd = pointAt ?? bytes.count
        let digits = bytes.count - start - (pointAt == nil ? 0 : 1)
        guard digits <= 38, integerEnd + 1 != bytes.count, integerEnd - start == 1 || bytes[start] != zero else { return false }
        return start == 0 || bytes[start...].contains { $0 > zero }
    }

    /// `-?(0|[1-9][0-9]*)\.[0-9]+` in the range Swift prints without an exponent, with at most 15
    /// significant digits (so it is the shortest text of its double) and no trailing zero (`N.0`
    /// excepted, as `JSONWriter.formatDouble` writes integral values).
    static func isDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (start, pointAt) = signedDigits(bytes), let point = pointAt else { return false }
        let integerDigits = point - start
        let fraction = UnsafeBufferPointer(rebasing: bytes[(point + 1)...])
        guard let last = fraction.last, integerDigits >= 1 else { return false }
        if integerDigits > 1, bytes[start] == zero { return false }
        let integralZero = integerDigits == 1 && bytes[start] == zero
        if fraction.count == 1, last == zero {  // N.0
            return !integralZero && integerDigits <= 15
        }
        guard last != zero else { return false }
        if integralZero {  // 0.x: at least 0.1, so no exponent
            return fraction[0] != zero && fraction.count <= 15
        }
        return integerDigits + fraction.count <= 15
    }

    static func isBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 4:
            bytes[0] == UInt8(ascii: "t") && bytes[1] == UInt8(ascii: "r") && bytes[2] == UInt8(ascii: "u") && bytes[3] == UInt8(ascii: "e")
        case 5:
            bytes[0] == UInt8(ascii: "f") && bytes[1] == UInt8(ascii: "a") && bytes[2] == UInt8(ascii: "l") && bytes[3] == UInt8(ascii: "s")
                && bytes[4] == UInt8(ascii: "e")
        default: false
        }
    }

    /// `YYYY-MM-DD`, a real calendar day of years 0001–9999 (`parseDate` also reads year 0000).
    static func isDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        CivilTime.dateFields(bytes).map { $0.year != 0 } ?? false
    }

    /// `YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z`, a fraction not ending in zero.
    static func isTimestamp(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), isDate(UnsafeBufferPointer(rebasing: bytes[0..<10])),
            bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = CivilTime.number(bytes, 11, 2), let minute = CivilTime.number(bytes, 14, 2),
            let second = CivilTime.number(bytes, 17, 2),
            hour < 24, minute < 60, second < 60
        else { return false }
        let fractionDigits = bytes.count - 21
        if fractionDigits < 0 { return true }
        return bytes[19] == point && fractionDigits >= 1 && fractionDigits <= 6 && isDigits(bytes, 20..<bytes.count - 1)
            && bytes[bytes.count - 2] != zero
    }

    /// Where the digits start (after an optional minus) and where the one point (not first) is, if
    /// everything else is a digit.
    @inline(__always)
    private static func signedDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, point: Int?)? {
        let start = bytes.first == minus ? 1 : 0
        guard start < bytes.count else { return nil }
        var pointAt: Int?
        for index in start..<bytes.count {
            let byte = bytes[index]
            if byte &- zero < 10 { continue }
            guard byte == point, pointAt == nil, index > start else { return nil }
            pointAt = index
        }
        return (start, pointAt)
    }

    @inline(__always)
    private static func isDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where bytes[index] &- zero >= 10 { return false }
        return true
    }
}
