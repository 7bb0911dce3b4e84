/// Reading Spark type names: schema sidecars, `CAST(x AS …)`, a warehouse's `type_text`.
///
/// ```
/// type   := ARRAY '<' type '>' | MAP '<' type ',' type '>' | STRUCT '<' [field {',' field}] '>'
///         | INTERVAL field [TO field] | scalar
/// field  := name [':'] type [NOT NULL] [COMMENT 'text']
/// name   := letters, digits, '_' | '`' text with `` for a back-quote '`'
/// scalar := word ['(' int [',' int] ')']        (any case; spaces anywhere between tokens)
/// ```
extension SQLType {
    /// The deepest nesting of ARRAY, MAP and STRUCT a type name may have. A deeper name is refused:
    /// every level would be a level of recursion wherever the type or its values are used.
    public static let maxNesting = 32

    /// Parses a Spark type name in any case: `int`, `Decimal(10, 2)`, `varchar(20)`, `array<date>`,
    /// `map<string, int>`, `struct<a: int, b string>`. Field names keep their case.
    ///
    /// Time is linear in the name's length; nesting deeper than `maxNesting` is refused.
    public init?(sparkName: String) {
        var parser = TypeNameParser(Array(sparkName.utf8))
        guard let type = parser.parseType(depth: 0), parser.atEnd else { return nil }
        self = type
    }

    /// A type name without `<…>` parts, lower-cased and trimmed.
    init?(scalarName text: String) {
        var base = text
        var arguments: [Int] = []
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            base = String(text[..<open]).trimmingSpaces()
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int(String(part).trimmingSpaces()) else { return nil }
                arguments.append(number)
            }
        }
        switch (base, arguments.count) {
        case ("boolean", 0), ("bool", 0): self = .boolean
        case ("tinyint", 0), ("byte", 0): self = .tinyint
        case ("smallint", 0), ("short", 0): self = .smallint
        case ("int", 0), ("integer", 0): self = .int
        case ("bigint", 0), ("long", 0): self = .bigint
        case ("float", 0), ("real", 0): self = .float
        case ("double", 0): self = .double
        case ("decimal", 0), ("dec", 0), ("numeric", 0): self = .decimal(precision: 10, scale: 0)
        case ("decimal", 1), ("dec", 1), ("numeric", 1), ("decimal", 2), ("dec", 2), ("numeric", 2):
            let precision = arguments[0]
            let scale = arguments.count == 2 ? arguments[1] : 0
            guard (1...SQLType.maxDecimalPrecision).contains(precision), (0...precision).contains(scale) else { return nil }
            self = .decimal(precision: precision, scale: scale)
        case ("string", 0), ("varchar", 1), ("char", 1): self = .string
        case ("binary", 0): self = .binary
        case ("date", 0): self = .date
        case ("timestamp", 0), ("timestamp_ltz", 0): self = .timestamp
        case ("timestamp_ntz", 0): self = .timestampNTZ
        case ("void", 0), ("null", 0): self = .null
        default: return nil
        }
    }
}

/// The recursive-descent reader behind `SQLType(sparkName:)`, over UTF-8 bytes.
private struct TypeNameParser {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return index == bytes.count
        }
    }

    mutating func parseType(depth: Int) -> SQLType? {
        guard depth <= SQLType.maxNesting, let word = word() else { return nil }
        switch word.lowercased() {
        case "array":
            guard consume("<"), let element = parseType(depth: depth + 1), consume(">") else { return nil }
            return .array(element)
        case "map":
            guard consume("<"), let key = parseType(depth: depth + 1), consume(","), let value = parseType(depth: depth + 1),
                consume(">")
            else { return nil }
            return .map(key: key, value: value)
        case "interval":  // `interval day to second`: an ANSI qualifier
            guard let first = self.word(), let start = IntervalField(keyword: first) else { return nil }
            var end = start
            if consumeWords(["to"]) {
                guard let last = self.word(), let field = IntervalField(keyword: last) else { return nil }
                end = field
            }
            guard start <= end, start.isYearMonth == end.isYearMonth else { return nil }
            return .interval(start, end)
        case "struct":
            guard consume("<") else { return nil }
            var fields: [SQLStructField] = []
            if consume(">") { return .struct([]) }
            repeat {
                guard let field = parseField(depth: depth + 1) else { return nil }
                fields.append(field)
            } while consume(",")
            return consume(">") ? .struct(fields) : nil
        default:
            var text = word.lowercased()
            if consume("(") {
                text += "("
                while let byte = peek(), byte != UInt8(ascii: ")") {
                    text.unicodeScalars.append(Unicode.Scalar(byte))
                    index += 1
                }
                guard consume(")") else { return nil }
                text += ")"
            }
            return SQLType(scalarName: text)
        }
    }

    private mutating func parseField(depth: Int) -> SQLStructField? {
        guard let name = fieldName() else { return nil }
        _ = consume(":")
        guard let type = parseType(depth: depth) else { return nil }
        _ = consumeWords(["not", "null"])
        if consumeWords(["comment"]), !skipQuoted() { return nil }
        return SQLStructField(name, type)
    }

    private mutating func fieldName() -> String? {
        skipSpaces()
        guard peek() == UInt8(ascii: "`") else { return word() }
        index += 1
        var name: [UInt8] = []
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "`") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "`") {
                    name.append(UInt8(ascii: "`"))
                    index += 2
                    continue
                }
                index += 1
                return String(decoding: name, as: UTF8.self)
            }
            name.append(bytes[index])
            index += 1
        }
        return nil
    }

    /// A `'…'` or `"…"` string (a backslash escapes the next byte).
    private mutating func skipQuoted() -> Bool {
        skipSpaces()
        guard let quote = peek(), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return false }
        index += 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            index += 1
            if bytes[index - 1] == quote { return true }
        }
        return false
    }

    /// Whether the next words are `words` (any case); nothing is consumed when they are not.
    private mutating func consumeWords(_ words: [String]) -> Bool {
        let mark = index
        for expected in words {
            guard let found = word(), found.lowercased() == expected else {
                index = mark
                return false
            }
        }
        return true
    }

    /// Letters, digits and underscores.
    private mutating func word() -> String? {
        skipSpaces()
        let start = index
        while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    private mutating func consume(_ symbol: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard peek() == UInt8(ascii: symbol) else { return false }
        index += 1
        return true
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 || bytes[index] == 10 || bytes[index] == 13 { index += 1 }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
}
