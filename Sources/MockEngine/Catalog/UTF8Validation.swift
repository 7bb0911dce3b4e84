import DBAPICore

/// Reports ill-formed UTF-8 in mock data files (found by `StrictUTF8`) with its place, instead of
/// letting decoding replace it silently with U+FFFD.
enum UTF8Validation {
    /// The error for ill-formed UTF-8 at `offset`.
    static func error(file: String, bytes: [UInt8], at offset: Int, line: Int, column: Int?) -> EngineError {
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return EngineError.dataFile(
            file: file, line: line, column: column, message: "invalid UTF-8 (byte 0x\(byte.count < 2 ? "0" + byte : byte))")
    }

    /// The error for the first ill-formed UTF-8 in a JSON or JSON Lines file, placed by line and
    /// byte column (as JSON syntax errors are), or nil when the file is well-formed.
    static func check(_ bytes: [UInt8], file: String) -> EngineError? {
        guard let offset = StrictUTF8.firstInvalidOffset(bytes) else { return nil }
        let (line, column) = StrictUTF8.lineAndColumn(of: offset, in: bytes)
        return error(file: file, bytes: bytes, at: offset, line: line, column: column)
    }
}
