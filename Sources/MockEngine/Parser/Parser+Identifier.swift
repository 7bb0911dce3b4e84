import DBAPICore
import SQLText

extension Parser {
    /// identifierClause := IDENTIFIER '(' string ')'
    ///
    /// The name parts of `IDENTIFIER('main.sales.orders')` (templates written for warehouses name tables and
    /// columns so, with `IDENTIFIER(:p)` bound to a string), consumed; nil when the cursor is not at one.
    /// Parts are split at dots outside back-quotes; a back-quoted part keeps its dots (`` `a.b` ``).
    mutating func parseIdentifierClause() throws(EngineError) -> [String]? {
        guard current.isWord(.identifier), peek(1).isSymbol("("), case .string(let text) = peek(2).kind, peek(3).isSymbol(")") else {
            return nil
        }
        let token = current
        guard let parts = Self.nameParts(text) else {
            throw EngineError.syntax(
                "Invalid identifier '\(excerpt(text))' in IDENTIFIER()", line: token.line, column: token.column, sql: source)
        }
        for _ in 0..<4 { advance() }
        return parts
    }

    /// `a.b`, `` `a.b`.c ``: the parts of a multipart name, or nil when it is empty or a quote is unclosed.
    private static func nameParts(_ text: String) -> [String]? {
        var parts: [String] = []
        var part = ""
        var quoted = false
        var characters = Array(text.trimmingCharacters())[...]
        while let character = characters.popFirst() {
            if character == "`" {
                if quoted, characters.first == "`" {
                    part.append("`")
                    characters = characters.dropFirst()
                } else {
                    quoted.toggle()
                }
            } else if character == ".", !quoted {
                guard !part.isEmpty else { return nil }
                parts.append(part)
                part = ""
            } else {
                part.append(character)
            }
        }
        guard !quoted, !part.isEmpty else { return nil }
        return parts + [part]
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
