/// Text files (parameters, SQL, configuration, templates) decoded as UTF-8 without repair:
/// `String(decoding:as:)` would replace invalid bytes with U+FFFD and change the text silently.
public enum StrictUTF8 {
    /// Where the bytes stop being valid UTF-8: the 1-based line and byte column of the first
    /// invalid sequence.
    public struct InvalidUTF8: Error, Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int

        /// What is wrong, without the position (for reports that show it separately).
        public var message: String { "not valid UTF-8 text" }
        public var description: String { "\(message) at line \(line), column \(column)" }
    }

    /// The text of `bytes`.
    ///
    /// - Throws: `InvalidUTF8` with the position of the first byte that is not valid UTF-8.
    public static func decode(_ bytes: [UInt8]) throws(InvalidUTF8) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw firstInvalid(in: bytes)
    }

    /// Checks `bytes` without keeping the text.
    public static func validate(_ bytes: [UInt8]) throws(InvalidUTF8) {
        _ = try decode(bytes)
    }

    /// The position of the first invalid sequence (called only once validation has failed).
    private static func firstInvalid(in bytes: [UInt8]) -> InvalidUTF8 {
        let (line, column) = lineAndColumn(of: firstInvalidOffset(bytes) ?? bytes.count, in: bytes)
        return InvalidUTF8(line: line, column: column)
    }

    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (overlong
    /// forms, surrogates and code points above U+10FFFF are ill-formed), or nil when all are.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
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
    public static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
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
