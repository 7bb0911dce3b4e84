import DBAPICore
import SQLText

extension Parser {
    /// values := VALUES row {',' row}; row := '(' expr {',' expr} ')' | expr
    ///
    /// A parenthesized list is one row of several columns; any other expression a one-column row.
    mutating func parseValues() throws(EngineError) -> QueryBody {
        try expectWord(.values)
        var rows: [[Expr]] = []
        repeat {
            if current.isSymbol("(") {
                let row = try nested { (parser: inout Parser) throws(EngineError) -> [Expr] in
                    parser.advance()
                    var row: [Expr] = []
                    repeat { row.append(try parser.parseExpression()) } while parser.consumeSymbol(",")
                    try parser.expectSymbol(")")
                    return row
                }
                rows.append(row)
            } else {
                rows.append([try parseExpression()])
            }
        } while consumeSymbol(",")
        return .values(rows)
    }

    /// A derived table's alias and optional column names: `[AS] t [(a, b)]`.
    mutating func parseTableAlias() throws(EngineError) -> (alias: String?, columnNames: [String]?) {
        guard let alias = try parseAlias(ofTable: true) else { return (nil, nil) }
        return (alias, try parseColumnNameList())
    }

    /// An optional `(name {',' name})`.
    mutating func parseColumnNameList() throws(EngineError) -> [String]? {
        guard consumeSymbol("(") else { return nil }
        var names: [String] = []
        repeat { names.append(try parseAnyName("a column name")) } while consumeSymbol(",")
        try expectSymbol(")")
        return names
    }
}
