import SQLText

/// Generators and correlation in FROM: table-valued functions, `LATERAL`, `LATERAL VIEW`.
extension Parser {
    /// tableFunction := name '(' [expr {',' expr}] ')' [[AS] alias ['(' name {',' name} ')']]
    mutating func parseTableFunction() throws(EngineError) -> FromItem {
        let name = try parseIdentifier("a function name").lowercased()
        let arguments = try parseCallArguments()
        let (alias, columnNames) = try parseTableAlias()
        return .tableFunction(TableFunctionCall(name: name, arguments: arguments, alias: alias, columnNames: columnNames))
    }

    /// lateral := LATERAL ('(' query ')' [[AS] alias [columns]] | tableFunction)
    mutating func parseLateral() throws(EngineError) -> FromItem {
        try expectWord(.lateral)
        guard current.isSymbol("(") || (Self.isIdentifier(current) && peek(1).isSymbol("(")) else {
            throw unexpected("a subquery or a table function after LATERAL")
        }
        return .lateral(try parseTablePrimary())
    }

    /// lateralViews := {LATERAL VIEW [OUTER] name '(' [expr {',' expr}] ')' [table] [[AS] column {',' column}]}
    mutating func parseLateralViews(_ source: FromItem) throws(EngineError) -> FromItem {
        var item = source
        while current.isWord(.lateral), peek(1).isWord(.view) {
            advance()
            advance()
            let isOuter = consumeWord(.outer)
            let name = try parseIdentifier("a generator function").lowercased()
            let arguments = try parseCallArguments()
            let tableAlias = current.isWord(.as) ? nil : consumeIdentifier()
            var columns: [String] = []
            if consumeWord(.as) || Self.isIdentifier(current) {
                repeat { columns.append(try parseIdentifier("a column alias")) } while consumeSymbol(",")
            }
            item = .lateralView(
                item, LateralView(isOuter: isOuter, name: name, arguments: arguments, tableAlias: tableAlias, columnAliases: columns))
        }
        return item
    }

    /// A select item's multi-part alias, `[AS] '(' name {',' name} ')'`, if one follows.
    mutating func parseMultiAlias() throws(EngineError) -> [String]? {
        guard current.isSymbol("(") || (current.isWord(.as) && peek(1).isSymbol("(")) else { return nil }
        _ = consumeWord(.as)
        return try parseColumnNameList()
    }

    /// '(' [expr {',' expr}] ')'
    private mutating func parseCallArguments() throws(EngineError) -> [Expr] {
        try expectSymbol("(")
        var arguments: [Expr] = []
        if !current.isSymbol(")") {
            repeat { arguments.append(try parseExpression()) } while consumeSymbol(",")
        }
        try expectSymbol(")")
        return arguments
    }
}
