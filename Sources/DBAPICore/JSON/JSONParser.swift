/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// It keeps object key order, records the line of every key, keeps numbers exact, and bounds
/// nesting so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// Errors with the 1-based line and column where parsing stopped.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public let line: Int
        public let column: Int
        public var description: String { "\(message) at line \(line), column \(column)" }

        /// An error at `line` and `column` (1-based) of the parsed text.
        public init(message: String, line: Int, column: Int) {
            self.message = message
            self.line = line
            self.column = column
        }
    }

    /// The deepest nesting accepted.
    public static let maxDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Array members with this key are skipped rather than parsed (see `parse(bytes:deferring:)`).
    private var deferredKey: String?
    private var deferredReader: DeferredArrayReader?
    private var deferred: Range<Int>?
    /// Repeated keys, when the caller asked for them; `path` is where parsing is.
    private var duplicateKeys: [JSONDuplicateKey]?
    private var path: [String] = []

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON document; trailing non-space text is an error.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses one JSON document from UTF-8 bytes (a leading BOM is skipped).
    public static func parse(bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
        try parse(bytes: bytes, deferring: nil).value
    }

    /// Parses one document and also returns every key repeated within an object (the later value
    /// wins, as in `parse(bytes:)`), for configuration files, where a repeat is a mistake.
    public static func parseReportingDuplicateKeys(bytes: [UInt8]) throws(SyntaxError) -> (
        value: JSONValue, duplicateKeys: [JSONDuplicateKey]
    ) {
        var parser = JSONParser(bytes)
        parser.duplicateKeys = []
        let value = try parser.parseDocument()
        return (value, parser.duplicateKeys ?? [])
    }

    /// Parses one document but leaves every array-valued member named `key` unparsed: the member is
    /// left out of its object and the byte range of the last such array is returned, for a
    /// purpose-built scanner to read (its brackets and strings are matched, not validated).
    public static func parse(bytes: [UInt8], deferring key: String?) throws(SyntaxError) -> (value: JSONValue, deferred: Range<Int>?) {
        try parse(bytes: bytes, deferring: key, reading: nil)
    }

    /// Reads an array that `parse(bytes:deferring:reading:)` defers: given the offset of its `[`,
    /// returns the offset just past its `]`.
    public typealias DeferredArrayReader = (_ start: Int) throws(SyntaxError) -> Int

    /// As `parse(bytes:deferring:)`, but each deferred array is read by `reader` where it stands
    /// instead of being skipped, so a caller that decodes it anyway passes over its bytes once.
    /// Error positions after such an array do not count the lines inside it.
    public static func parse(
        bytes: [UInt8], deferring key: String?, reading reader: DeferredArrayReader?
    ) throws(SyntaxError) -> (value: JSONValue, deferred: Range<Int>?) {
        var parser = JSONParser(bytes)
        parser.deferredKey = key
        parser.deferredReader = reader
        let value = try parser.parseDocument()
        return (value, parser.deferred)
    }

    private mutating func parseDocument() throws(SyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipSpace()
        let value = try parseValue(depth: 0)
        skipSpace()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
        return value
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: index - lineStart + 1)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            index += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> JSONValue {
        guard depth < Self.maxDepth else { throw error("JSON nested deeper than \(Self.maxDepth) levels") }
        guard index < bytes.count else { throw error("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseWord("true", .bool(true))
        case UInt8(ascii: "f"): return try parseWord("false", .bool(false))
        case UInt8(ascii: "n"): return try parseWord("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(Unicode.Scalar(bytes[index]))'")
        }
    }

    private mutating func parseWord(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("invalid literal, expected \(word)")
        }
        index += utf8.count
        return value
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var object = JSONObject()
        var firstLines: [String: Int] = [:]  // only when reporting duplicate keys
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyLine = line
            let keyColumn = index - lineStart + 1
            let key = try parseString()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after key") }
            index += 1
            skipSpace()
            if key == deferredKey, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                let start = index
                if let deferredReader {
                    let end = try deferredReader(start)
                    guard end > start, end <= bytes.count else { throw error("a deferred array was read to a position outside it") }
                    index = end
                } else {
                    try skipArray()
                }
                deferred = start..<index
            } else if duplicateKeys != nil {
                if let firstLine = firstLines[key] {
                    duplicateKeys?.append(
                        JSONDuplicateKey(path: path, key: key, firstLine: firstLine, line: keyLine, column: keyColumn))
                } else {
                    firstLines[key] = keyLine
                }
                path.append(key)
                object[key] = try parseValue(depth: depth + 1)
                path.removeLast()
                object.setLine(keyLine, for: key)
            } else {
                object[key] = try parseValue(depth: depth + 1)
                object.setLine(keyLine, for: key)
            }
            skipSpace()
            guard index < bytes.count else { throw error("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' in object") }
            index += 1
            return .object(object)
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            if duplicateKeys != nil { path.append("[\(items.count)]") }
            items.append(try parseValue(depth: depth + 1))
            if duplicateKeys != nil { path.removeLast() }
            skipSpace()
            guard index < bytes.count else { throw error("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' in array") }
            index += 1
            return .array(items)
        }
    }

    /// Moves past the array starting at `index`, matching brackets outside strings (escapes are
    /// stepped over, not checked). One pass through a pointer: a deferred `data_array` is megabytes.
    private mutating func skipArray() throws(SyntaxError) {
        let start = index
        let (end, newlines, lastLineStart) = bytes.withUnsafeBufferPointer { buffer -> (end: Int?, newlines: Int, lastLineStart: Int?) in
            var position = start
            var depth = 0
            var newlines = 0
            var lastLineStart: Int?
            while position < buffer.count {
                let byte = buffer[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    while true {
                        let special = JSONStringScan.nextSpecial(in: buffer, from: position)
                        guard special < buffer.count else { return (nil, newlines, lastLineStart) }
                        position = special + 1
                        if buffer[special] == UInt8(ascii: "\"") { break }
                        if buffer[special] == UInt8(ascii: "\\") { position += 1 }
                    }
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { return (position, newlines, lastLineStart) }
                case UInt8(ascii: "\n"):
                    newlines += 1
                    lastLineStart = position
                default: break
                }
            }
            return (nil, newlines, lastLineStart)
        }
        line += newlines
        if let lastLineStart { lineStart = lastLineStart }
        guard let end else {
            index = bytes.count
            throw error("unterminated array")
        }
        index = end
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
            throw error("invalid number: leading zero")
        }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: digit expected after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number: exponent digits expected") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        return .number(text)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        var out = ""
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                out += String(decoding: bytes[runStart..<index], as: UTF8.self)
                index += 1
                return out
            }
            if byte < 0x20 { throw error("control character in string") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            out += String(decoding: bytes[runStart..<index], as: UTF8.self)
            index += 1
            guard index < bytes.count else { throw error("unterminated escape") }
            let escaped = bytes[index]
            index += 1
            scalars.removeAll()
            switch escaped {
            case UInt8(ascii: "\""): out += "\""
            case UInt8(ascii: "\\"): out += "\\"
            case UInt8(ascii: "/"): out += "/"
            case UInt8(ascii: "b"): out += "\u{08}"
            case UInt8(ascii: "f"): out += "\u{0C}"
            case UInt8(ascii: "n"): out += "\n"
            case UInt8(ascii: "r"): out += "\r"
            case UInt8(ascii: "t"): out += "\t"
            case UInt8(ascii: "u"): out.unicodeScalars.append(try parseUnicodeEscape())
            default: throw error("invalid escape '\\\(Unicode.Scalar(escaped))'")
            }
            runStart = index
        }
    }

    private mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800..<0xDC00).contains(first) {
            guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate in \\u escape")
            }
            index += 2
            let second = try parseHex4()
            guard (0xDC00..<0xE000).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw error("invalid surrogate pair in \\u escape") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("unpaired surrogate in \\u escape") }
        return scalar
    }
}
