import DBAPICore
import SQLText

extension Parser {
    /// fromPrimary := primary {pivot | unpivot}
    /// pivot   := PIVOT '(' aliased {',' aliased} FOR name {'.' name} IN '(' aliased {',' aliased} ')' ')' [[AS] alias]
    /// unpivot := UNPIVOT [(INCLUDE | EXCLUDE) NULLS] '(' name FOR name IN '(' aliased {',' aliased} ')' ')' [[AS] alias]
    mutating func parsePivots(_ source: FromItem) throws(EngineError) -> FromItem {
        var item = source
        while true {
            if current.isWord("PIVOT"), peek(1).isSymbol("(") {
                advance()
                advance()
                var aggregates: [AliasedExpr] = []
                repeat { aggregates.append(try parseAliasedExpr()) } while consumeSymbol(",")
                try expectWord("FOR")
                if current.isSymbol("(") { throw EngineError.unsupported("PIVOT over several columns") }
                var column = [try parseIdentifier("a pivot column")]
                while consumeSymbol(".") { column.append(try parseIdentifier("a pivot column")) }
                let values = try parseAliasedList()
                try expectSymbol(")")
                item = .pivot(item, Pivot(aggregates: aggregates, column: .column(column), values: values), alias: try parseAlias())
            } else if current.isWord("UNPIVOT") {
                advance()
                var includeNulls = false
                if consumeWord("INCLUDE") {
                    includeNulls = true
                    try expectWord("NULLS")
                } else if consumeWord("EXCLUDE") {
                    try expectWord("NULLS")
                }
                try expectSymbol("(")
                if current.isSymbol("(") { throw EngineError.unsupported("UNPIVOT into several value columns") }
                let valueColumn = try parseIdentifier("a value column name")
                try expectWord("FOR")
                let nameColumn = try parseIdentifier("a name column name")
                let columns = try parseAliasedList()
                try expectSymbol(")")
                let unpivot = Unpivot(includeNulls: includeNulls, valueColumn: valueColumn, nameColumn: nameColumn, columns: columns)
                item = .unpivot(item, unpivot, alias: try parseAlias())
            } else {
                return item
            }
        }
    }

    /// IN '(' aliased {',' aliased} ')'
    private mutating func parseAliasedList() throws(EngineError) -> [AliasedExpr] {
        try expectWord("IN")
        try expectSymbol("(")
        var items: [AliasedExpr] = []
        repeat {
            if current.isSymbol("("), peek(2).isSymbol(",") { throw EngineError.unsupported("PIVOT and UNPIVOT over tuples") }
            items.append(try parseAliasedExpr())
        } while consumeSymbol(",")
        try expectSymbol(")")
        return items
    }

    private mutating func parseAliasedExpr() throws(EngineError) -> AliasedExpr {
        let expr = try parseExpression()
        return AliasedExpr(expr: expr, alias: current.isWord("FOR") ? nil : try parseAlias())
    }
}
