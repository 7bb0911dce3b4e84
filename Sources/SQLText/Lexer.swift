/// Splits Spark SQL text into tokens, following Spark's lexical rules.
///
/// - Strings: `'…'` or `"…"` with backslash escapes (`\n`, `\'`, `\uXXXX`, octal `\NNN`, …), raw
///   strings `r'…'` without escapes.
/// - Comments: `--` to end of line, `/* … */` nesting; both are skipped.
/// - `:name` is a marker unless the colon is part of `::` (a cast) or sits directly after an
///   identifier, `)` or `]` (a JSON path such as `raw:store`).
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// All tokens of `text`, ending with `.end`.
    public static func tokenize(_ text: String) throws(LexError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.nextToken()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var column: Int { index - lineStart + 1 }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    /// The next token; comments and white space are skipped.
    public mutating func nextToken() throws(LexError) -> Token {
        try skipSpaceAndComments()
        let start = index
        let startLine = line
        let startColumn = column
        func make(_ kind: Token.Kind) -> Token {
            Token(kind: kind, range: start..<index, line: startLine, column: startColumn)
        }
        guard let byte = peek() else { return make(.end) }
        if (byte == UInt8(ascii: "r") || byte == UInt8(ascii: "R")),
            let quote = peek(1), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")
        {
            advance()
            return make(.string(try scanRawString(quote: quote, line: startLine, column: startColumn)))
        }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            return make(.string(try scanString(quote: byte, line: startLine, column: startColumn)))
        }
        if byte == UInt8(ascii: "`") {
            return make(.quotedIdentifier(try scanQuotedIdentifier(line: startLine, column: startColumn)))
        }
        if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && (peek(1).map(Self.isDigit) ?? false)) {
            return make(.number(scanNumber()))
        }
        if Self.isIdentifierStart(byte) {
            while let next = peek(), Self.isIdentifierPart(next) { advance() }
            return make(.word(String(decoding: bytes[start..<index], as: UTF8.self)))
        }
        if byte == UInt8(ascii: ":"), let next = peek(1), Self.isIdentifierStart(next), !followsOperand(start) {
            advance()
            while let next = peek(), Self.isIdentifierPart(next) { advance() }
            return make(.marker(String(decoding: bytes[start + 1..<index], as: UTF8.self)))
        }
        return make(.symbol(try scanSymbol(line: startLine, column: startColumn)))
    }

    /// Whether the byte before `position` ends an operand (identifier, `)`, `]`, back-quote), which
    /// makes a following `:` Spark's JSON path operator rather than a marker.
    private func followsOperand(_ position: Int) -> Bool {
        guard position > 0 else { return false }
        let previous = bytes[position - 1]
        return Self.isIdentifierPart(previous) || previous == UInt8(ascii: ")") || previous == UInt8(ascii: "]")
            || previous == UInt8(ascii: "`") || previous == UInt8(ascii: ":")
    }

    private mutating func skipSpaceAndComments() throws(LexError) {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == 0x0C
            {
                advance()
            } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                while let next = peek(), next != UInt8(ascii: "\n") { advance() }
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let startLine = line
                let startColumn = column
                advance()
                advance()
                var depth = 1
                while depth > 0 {
                    guard let next = peek() else { throw .unterminatedComment(line: startLine, column: startColumn) }
                    if next == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                        depth += 1
                        advance()
                    } else if next == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        depth -= 1
                        advance()
                    }
                    advance()
                }
            } else {
                return
            }
        }
    }

    private mutating func scanNumber() -> String {
        let start = index
        while let byte = peek(), Self.isDigit(byte) { advance() }
        if peek() == UInt8(ascii: "."), !(peek(1).map(Self.isIdentifierStart) ?? false) || peek(1).map(Self.isExponent) == true {
            advance()
            while let byte = peek(), Self.isDigit(byte) { advance() }
        }
        if let byte = peek(), Self.isExponent(byte) {
            let sign = peek(1)
            let hasSign = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
            if let digit = peek(hasSign ? 2 : 1), Self.isDigit(digit) {
                advance()
                if hasSign { advance() }
                while let byte = peek(), Self.isDigit(byte) { advance() }
            }
        }
        // Type suffixes: L S Y D F BD (any case).
        if let byte = peek() {
            let upper = byte & ~0x20
            if upper == UInt8(ascii: "B"), let next = peek(1), next & ~0x20 == UInt8(ascii: "D"),
                !(peek(2).map(Self.isIdentifierPart) ?? false)
            {
                advance()
                advance()
            } else if Self.typeSuffixes.contains(upper), !(peek(1).map(Self.isIdentifierPart) ?? false) {
                advance()
            }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// One-letter literal suffixes (upper case): BIGINT, SMALLINT, TINYINT, DOUBLE, FLOAT.
    private static let typeSuffixes = Array("LSYDF".utf8)

    private static func isExponent(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") }

    /// Operators longer than one byte, longest first, so that `<=>` is not read as `<=` and `>`.
    private static let multiByteSymbols = ["<=>", "::", "<=", ">=", "<>", "!=", "==", "||", "<<", ">>", "->", "=>"]
    private static let singleByteSymbols = Array("(),.;+-*/%=<>!&|^~[]{}:?".utf8)

    private mutating func scanSymbol(line: Int, column: Int) throws(LexError) -> String {
        for candidate in Self.multiByteSymbols where matches(candidate) {
            for _ in 0..<candidate.utf8.count { advance() }
            return candidate
        }
        guard let byte = peek() else { throw .unexpectedCharacter("", line: line, column: column) }
        guard Self.singleByteSymbols.contains(byte) else {
            throw .unexpectedCharacter(String(decoding: [byte], as: UTF8.self), line: line, column: column)
        }
        advance()
        return String(Unicode.Scalar(byte))
    }

    private func matches(_ symbol: String) -> Bool {
        for (offset, byte) in symbol.utf8.enumerated() where peek(offset) != byte { return false }
        return true
    }

    private mutating func scanQuotedIdentifier(line: Int, column: Int) throws(LexError) -> String {
        advance()
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw .unterminatedIdentifier(line: line, column: column) }
            advance()
            if byte == UInt8(ascii: "`") {
                guard peek() == UInt8(ascii: "`") else { break }
                advance()
            }
            text.append(byte)
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func scanRawString(quote: UInt8, line: Int, column: Int) throws(LexError) -> String {
        advance()
        let start = index
        while let byte = peek(), byte != quote { advance() }
        guard peek() != nil else { throw .unterminatedString(line: line, column: column) }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        advance()
        return text
    }

    /// Scans a quoted literal, resolving Spark's escapes (`SparkSqlParser.unescapeSQLString`): a doubled
    /// quote inside it is one quote, as Spark 4 reads it (`'it''s'` is `it's`; `'a' 'b'`, with a space,
    /// is still two literals, which the parser joins).
    private mutating func scanString(quote: UInt8, line: Int, column: Int) throws(LexError) -> String {
        advance()
        var out: [UInt8] = []
        while true {
            guard let byte = peek() else { throw .unterminatedString(line: line, column: column) }
            advance()
            if byte == quote, peek() == quote {
                advance()
                out.append(quote)
                continue
            }
            if byte == quote { return String(decoding: out, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard let escaped = peek() else { throw .unterminatedString(line: line, column: column) }
            advance()
            switch escaped {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                if escaped <= UInt8(ascii: "1"), let second = peek(), let third = peek(1),
                    (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(second), (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(third)
                {
                    advance()
                    advance()
                    let value = UInt32(escaped - 48) * 64 + UInt32(second - 48) * 8 + UInt32(third - 48)
                    appendScalar(value, to: &out)
                } else if escaped == UInt8(ascii: "0") {
                    out.append(0)
                } else {
                    out.append(escaped)
                }
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "Z"): out.append(0x1A)
            case UInt8(ascii: "%"), UInt8(ascii: "_"): out.append(contentsOf: [UInt8(ascii: "\\"), escaped])
            case UInt8(ascii: "u"): scanUnicodeEscape(digits: 4, into: &out)
            case UInt8(ascii: "U"): scanUnicodeEscape(digits: 8, into: &out)
            default: out.append(escaped)
            }
        }
    }

    private mutating func scanUnicodeEscape(digits: Int, into out: inout [UInt8]) {
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let byte = peek(offset), let digit = hexValue(byte) else {
                out.append(digits == 4 ? UInt8(ascii: "u") : UInt8(ascii: "U"))
                return
            }
            value = value &* 16 &+ digit
        }
        for _ in 0..<digits { advance() }
        appendScalar(value, to: &out)
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - 55)
        default: nil
        }
    }

    private func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
