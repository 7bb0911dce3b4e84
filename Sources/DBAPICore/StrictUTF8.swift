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
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error, .emptyInput:
                return InvalidUTF8(line: line, column: offset - lineStart + 1)
            }
        }
    }
}
