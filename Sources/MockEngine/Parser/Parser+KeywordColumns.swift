import SQLText

/// Spark (with its default `spark.sql.ansi.enforceReservedKeywords=false`) lets almost every keyword name
/// a column: `SELECT end, order FROM t`, `WHERE end > 1`, `ORDER BY desc DESC`. Where an expression is
/// expected, a keyword that starts no expression of its own is a column. One that does (`CASE`, `NOT`,
/// `DISTINCT` or `ALL` after SELECT) is a column only when what follows cannot continue it
/// (`SELECT case FROM t`, `SELECT distinct, all FROM t`); `NULL`, `TRUE` and `FALSE` stay literals.
extension Parser {
    /// Whether a keyword that starts an expression or a select list, followed by `token`, is a column's name.
    static func keywordIsColumn(before token: Token) -> Bool {
        switch token.kind {
        case .end: true
        case .symbol(let symbol): symbolsAfterColumn.contains(symbol)
        case .word: token.isWord(.from) || token.isWord(.as)
        default: false
        }
    }

    /// Symbols that can follow an operand but cannot start one (not `*`: `SELECT DISTINCT *`).
    private static let symbolsAfterColumn: Set<String> = [
        ",", ")", ".", "=", "==", "<=>", "<>", "!=", "<", "<=", ">", ">=", "/", "%", "||", "|", "&", "^", "::", "[", ";",
    ]
}

extension Parser {
    /// A table's possibly qualified name: any word but those that join relations (`FROM order`, `FROM db.end`).
    mutating func parseTableName() throws(EngineError) -> [String] {
        var name: [String] = []
        repeat {
            if current.keyword?.isStrictNonReserved == true { throw unexpected(name.isEmpty ? "a table name" : "a table name part") }
            name.append(try parseAnyName(name.isEmpty ? "a table name" : "a table name part"))
        } while consumeSymbol(".")
        return name
    }
}

extension Parser {
    /// A keyword as a select item's alias without AS (`SELECT 1 end`, `SELECT 2 order FROM t`): Spark takes one
    /// where it cannot begin what it otherwise would, that is before the end of the statement, `,`, `)`, `;` or
    /// FROM (`SELECT 1 from` is a column named from).
    mutating func consumeKeywordAlias() -> String? {
        guard case .word(let name) = current.kind, current.keyword != nil, Self.endsSelectItem(peek(1)) else {
            return nil
        }
        advance()
        return name
    }

    private static func endsSelectItem(_ token: Token) -> Bool {
        switch token.kind {
        case .end: true
        case .symbol(let symbol): [",", ")", ";"].contains(symbol)
        default: token.isWord(.from)
        }
    }
}
