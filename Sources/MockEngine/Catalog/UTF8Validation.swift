import DBAPICore

/// Finds ill-formed UTF-8 in mock data files, so a bad byte is reported with its place instead of
/// being silently replaced by U+FFFD when the text is decoded.
enum UTF8Validation {
    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and code points above U+10FFFF are ill-formed), or nil when all are.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                // ASCII runs, the common case, eight bytes at a time.
                if index + 8 <= count, let base = buffer.baseAddress,
                    UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard let length = sequenceLength(lead, second: index + 1 < count ? buffer[index + 1] : 0),
                    index + length <= count
                else { return index }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
    }

    /// The 1-based line and byte column of `offset` in `bytes`.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The error for ill-formed UTF-8 at `offset`.
    static func error(file: String, bytes: [UInt8], at offset: Int, line: Int, column: Int?) -> EngineError {
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return EngineError.dataFile(
            file: file, line: line, column: column, message: "invalid UTF-8 (byte 0x\(byte.count < 2 ? "0" + byte : byte))")
    }

    /// The error for the first ill-formed UTF-8 in a JSON or JSON Lines file, placed by line and
    /// byte column (as JSON syntax errors are), or nil when the file is well-formed.
    static func check(_ bytes: [UInt8], file: String) -> EngineError? {
        guard let offset = firstInvalidOffset(bytes) else { return nil }
        let (line, column) = lineAndColumn(of: offset, in: bytes)
        return error(file: file, bytes: bytes, at: offset, line: line, column: column)
    }

    /// The length of the sequence `lead` begins if `second` may follow it (the Unicode standard's
    /// table of well-formed byte sequences).
    private static func sequenceLength(_ lead: UInt8, second: UInt8) -> Int? {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: return nil
        }
        return second >= low && second <= high ? length : nil
    }
}
