/// One lexical token of Spark SQL, with where it came from.
///
/// Tokens own their decoded text (a string literal's escapes are already resolved) so the parser
/// never looks back at the source; `range` keeps the UTF-8 offsets so the binder can splice text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An unquoted word: keyword or identifier, original spelling.
        case word(String)
        /// A back-quoted identifier, with doubled back-quotes resolved.
        case quotedIdentifier(String)
        /// A string literal's value, escapes resolved.
        case string(String)
        /// A numeric literal's text, including any type suffix (`42L`, `1.5BD`).
        case number(String)
        /// A named parameter marker `:name` (the name without the colon).
        case marker(String)
        /// An operator or punctuation mark.
        case symbol(String)
        case end
    }

    public let kind: Kind
    /// The keyword a word token spells (nil for other words and other tokens).
    public let keyword: Keyword?
    /// UTF-8 offsets of the token in the source.
    public let range: Range<Int>
    public let line: Int
    public let column: Int

    public init(kind: Kind, range: Range<Int>, line: Int, column: Int) {
        self.kind = kind
        if case .word(let text) = kind { keyword = Keyword(word: text) } else { keyword = nil }
        self.range = range
        self.line = line
        self.column = column
    }

    /// Whether this is the word `keyword`, in any letter case.
    public func isWord(_ keyword: Keyword) -> Bool { self.keyword == keyword }

    /// Whether this is a word that can name something (not a reserved keyword).
    public var isNameWord: Bool {
        guard case .word = kind else { return false }
        return !(keyword?.isReserved ?? false)
    }

    public func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = kind { return text == symbol }
        return false
    }
}

/// Errors found while splitting SQL into tokens.
public enum LexError: Error, Equatable, CustomStringConvertible {
    case unterminatedString(line: Int, column: Int)
    case unterminatedComment(line: Int, column: Int)
    case unterminatedIdentifier(line: Int, column: Int)
    case unexpectedCharacter(String, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .unterminatedString(line, column): "unterminated string literal starting at \(line):\(column)"
        case let .unterminatedComment(line, column): "unterminated /* comment starting at \(line):\(column)"
        case let .unterminatedIdentifier(line, column): "unterminated `identifier` starting at \(line):\(column)"
        case let .unexpectedCharacter(text, line, column): "unexpected character '\(text)' at \(line):\(column)"
        }
    }

    public var line: Int {
        switch self {
        case .unterminatedString(let line, _), .unterminatedComment(let line, _),
            .unterminatedIdentifier(let line, _), .unexpectedCharacter(_, let line, _):
            line
        }
    }

    public var column: Int {
        switch self {
        case .unterminatedString(_, let column), .unterminatedComment(_, let column),
            .unterminatedIdentifier(_, let column), .unexpectedCharacter(_, _, let column):
            column
        }
    }
}
