import DBAPICore
import SQLText

extension Parser {
    /// fromPrimary := primary {pivot | unpivot}
    /// pivot   := PIVOT '(' aliased {',' aliased} FOR (column | '(' column {',' column} ')') IN '(' pivotValue {',' pivotValue} ')' ')'
    ///            [[AS] alias]
    /// column  := name {'.' name}
    /// unpivot := UNPIVOT [(INCLUDE | EXCLUDE) NULLS] '(' name FOR name IN '(' aliased {',' aliased} ')' ')' [[AS] alias]
    mutating func parsePivots(_ source: FromItem) throws(EngineError) -> FromItem {
        var item = source
        while true {
            if current.isWord(.pivot), peek(1).isSymbol("(") {
                advance()
                advance()
                var aggregates: [AliasedExpr] = []
                repeat { aggregates.append(try parseAliasedExpr()) } while consumeSymbol(",")
                try expectWord(.for)
                var columns: [Expr] = []
                if consumeSymbol("(") {
                    repeat { columns.append(try parsePivotColumn()) } while consumeSymbol(",")
                    try expectSymbol(")")
                } else {
                    columns.append(try parsePivotColumn())
                }
                try expectWord(.in)
                try expectSymbol("(")
                var values: [Pivot.Value] = []
                repeat { values.append(try parsePivotValue()) } while consumeSymbol(",")
                try expectSymbol(")")
                try expectSymbol(")")
                item = .pivot(item, Pivot(aggregates: aggregates, columns: columns, values: values), alias: try parseAlias(ofTable: true))
            } else if current.isWord(.unpivot) {
                advance()
                var includeNulls = false
                if consumeWord(.include) {
                    includeNulls = true
                    try expectWord(.nulls)
                } else if consumeWord(.exclude) {
                    try expectWord(.nulls)
                }
                try expectSymbol("(")
                if current.isSymbol("(") { throw EngineError.unsupported("UNPIVOT into several value columns") }
                let valueColumn = try parseIdentifier("a value column name")
                try expectWord(.for)
                let nameColumn = try parseIdentifier("a name column name")
                let columns = try parseAliasedList()
                try expectSymbol(")")
                let unpivot = Unpivot(includeNulls: includeNulls, valueColumn: valueColumn, nameColumn: nameColumn, columns: columns)
                item = .unpivot(item, unpivot, alias: try parseAlias(ofTable: true))
            } else {
                return item
            }
        }
    }

    /// IN '(' aliased {',' aliased} ')'
    private mutating func parseAliasedList() throws(EngineError) -> [AliasedExpr] {
        try expectWord(.in)
        try expectSymbol("(")
        var items: [AliasedExpr] = []
        repeat {
            if current.isSymbol("("), peek(2).isSymbol(",") { throw EngineError.unsupported("UNPIVOT over tuples") }
            items.append(try parseAliasedExpr())
        } while consumeSymbol(",")
        try expectSymbol(")")
        return items
    }

    /// column := name {'.' name}
    private mutating func parsePivotColumn() throws(EngineError) -> Expr {
        var column = [try parseIdentifier("a pivot column")]
        while consumeSymbol(".") { column.append(try parseIdentifier("a pivot column")) }
        return .column(column)
    }

    /// pivotValue := (expr | '(' expr ',' expr {',' expr} ')') [[AS] alias]
    ///
    /// A parenthesized list with a comma is a tuple; anything else (`('a')`, `(1 + 2) * 3`) is one
    /// expression, so the parser looks past the first element and backs up when it finds none.
    private mutating func parsePivotValue() throws(EngineError) -> Pivot.Value {
        if current.isSymbol("(") {
            let start = position
            advance()
            let first = try parseExpression()
            if consumeSymbol(",") {
                var exprs = [first]
                repeat { exprs.append(try parseExpression()) } while consumeSymbol(",")
                try expectSymbol(")")
                return Pivot.Value(exprs: exprs, alias: try parseAlias())
            }
            position = start
        }
        let value = try parseAliasedExpr()
        return Pivot.Value(exprs: [value.expr], alias: value.alias)
    }

    private mutating func parseAliasedExpr() throws(EngineError) -> AliasedExpr {
        let expr = try parseExpression()
        return AliasedExpr(expr: expr, alias: current.isWord(.for) ? nil : try parseAlias())
    }
}
