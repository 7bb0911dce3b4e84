import DBAPICore
import SQLText

extension Parser {
    /// fromItem := primary {[NATURAL] joinType JOIN primary [ON expr | USING '(' name {',' name} ')']}
    /// (a NATURAL join takes neither ON nor USING)
    mutating func parseJoinChain() throws(EngineError) -> FromItem {
        var left = try parsePivots(try parseTablePrimary())
        while true {
            let isNatural = consumeWord(.natural)
            guard let kind = try parseJoinKind() else {
                if isNatural { throw unexpected("a join after NATURAL") }
                break
            }
            if isNatural, kind == .cross {
                throw EngineError.analysis("INCOMPATIBLE_JOIN_TYPES", "The join types NATURAL and CROSS are incompatible.")
            }
            if isNatural, kind == .leftSemi || kind == .leftAnti {  // Spark fails on these with a bare Java exception
                let name = kind == .leftSemi ? "LeftSemi" : "LeftAnti"
                throw EngineError.analysis("UNSUPPORTED_FEATURE", "requirement failed: Unsupported natural join type \(name).")
            }
            let right = try parsePivots(try parseTablePrimary())
            var condition = JoinCondition.none
            if isNatural {
                condition = .natural
            } else if consumeWord(.on) {
                condition = .on(try parseExpression())
            } else if consumeWord(.using) {
                try expectSymbol("(")
                var names: [String] = []
                repeat { names.append(try parseIdentifier("a column name")) } while consumeSymbol(",")
                try expectSymbol(")")
                condition = .using(names)
            } else if kind != .cross {
                throw unexpected("ON or USING after \(kind.rawValue) JOIN")
            }
            left = .join(kind, left, right, condition)
        }
        return left
    }

    /// joinType := [INNER] | CROSS | LEFT [OUTER | SEMI | ANTI] | RIGHT [OUTER] | FULL [OUTER], then JOIN
    private mutating func parseJoinKind() throws(EngineError) -> JoinKind? {
        let kind: JoinKind
        if consumeWord(.join) { return .inner }
        if consumeWord(.inner) {
            kind = .inner
        } else if consumeWord(.cross) {
            kind = .cross
        } else if consumeWord(.left) {
            if consumeWord(.semi) {
                kind = .leftSemi
            } else if consumeWord(.anti) {
                kind = .leftAnti
            } else {
                _ = consumeWord(.outer)
                kind = .left
            }
        } else if consumeWord(.right) {
            _ = consumeWord(.outer)
            kind = .right
        } else if consumeWord(.full) {
            _ = consumeWord(.outer)
            kind = .full
        } else {
            return nil
        }
        try expectWord(.join)
        return kind
    }

    /// primary := (name {'.' name} | IDENTIFIER '(' string ')') [[AS] alias] | values [[AS] alias [columns]]
    ///          | '(' query ')' [[AS] alias [columns]] | tableFunction | lateral
    mutating func parseTablePrimary() throws(EngineError) -> FromItem {
        if current.isWord(.lateral) {
            return try nested { (parser: inout Parser) throws(EngineError) -> FromItem in try parser.parseLateral() }
        }
        if current.isSymbol("(") {
            return try nested { (parser: inout Parser) throws(EngineError) -> FromItem in
                parser.advance()
                if [Keyword.select, .with, .values, .from].contains(where: parser.current.isWord) || parser.current.isSymbol("(")
                    || parser.startsTableStatement
                {
                    let query = try parser.parseQuery()
                    try parser.expectSymbol(")")
                    let (alias, columnNames) = try parser.parseTableAlias()
                    return .subquery(query, alias: alias, columnNames: columnNames)
                }
                let item = try parser.parseJoinChain()
                try parser.expectSymbol(")")
                return item
            }
        }
        if current.isWord(.values) {
            let body = try parseValues()
            let (alias, columnNames) = try parseTableAlias()
            return .subquery(Query(body: body), alias: alias, columnNames: columnNames)
        }
        if Self.isIdentifier(current), peek(1).isSymbol("("), !current.isWord(.identifier) { return try parseTableFunction() }
        let line = current.line
        let column = current.column
        let name: [String]
        if let written = try parseIdentifierClause() { name = written } else { name = try parseTableName() }
        return .table(name: name, alias: try parseAlias(ofTable: true), line: line, column: column)
    }
}
