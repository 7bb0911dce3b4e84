import DBAPICore
import SQLText

/// Parses one Spark SQL query into an AST. It checks syntax only: whether a table or column exists
/// is the planner's business.
///
/// Grammar (a subset of Spark SQL; keywords case-insensitive):
///
///     statement   := query [';']
///     query       := [WITH name ['(' name {',' name} ')'] AS '(' query ')' {',' …}] setExpr
///                    [ORDER BY orderItem {',' orderItem}] [LIMIT expr | LIMIT ALL] [OFFSET expr]
///     setExpr     := intersect {(UNION | EXCEPT | MINUS) [ALL | DISTINCT] intersect}
///     intersect   := setPrimary {INTERSECT [ALL | DISTINCT] setPrimary}
///     setPrimary  := select | values | '(' query ')'
///     select      := SELECT [DISTINCT | ALL] item {',' item} [FROM fromItem {',' fromItem} lateralViews]
///                    [WHERE expr] [GROUP BY groupBy] [HAVING expr] [windowClause] [QUALIFY expr]
///     item        := '*' | name '.' '*' | expr [[AS] alias | [AS] '(' alias {',' alias} ')']
///     fromItem    := primary {joinType JOIN primary [ON expr | USING '(' name {',' name} ')']}
///     fromPrimary := primary {pivot | unpivot}   (see Parser+Pivot.swift)
///     primary     := name {'.' name} [[AS] alias] | values [[AS] alias ['(' name {',' name} ')']]
///                    | '(' query ')' [[AS] alias ['(' name {',' name} ')']] | tableFunction | lateral
///                    (tableFunction, lateral and lateralViews: Parser+Lateral.swift)
///     values      := VALUES ('(' expr {',' expr} ')' | expr) {',' …}
///     orderItem   := expr [ASC | DESC] [NULLS (FIRST | LAST)]
///
/// Expressions are parsed by precedence climbing; see `Parser+Expression.swift`; window calls and the
/// WINDOW clause in `Parser+Window.swift`.
struct Parser {
    /// The deepest nesting of parentheses, subqueries and unary operators accepted.
    static let maxNesting = 100
    /// The most binary operators one statement may contain.
    static let maxOperators = 2_000

    let source: String
    var tokens: [Token]
    var position = 0
    var nesting = 0
    var operatorCount = 0

    init(_ sql: String) throws(EngineError) {
        source = sql
        do {
            tokens = try Lexer.tokenize(sql)
        } catch {
            throw EngineError.lexical(error, sql: sql)
        }
    }

    /// Parses a whole statement: one query, an optional `;`, nothing after it.
    static func parse(_ sql: String) throws(EngineError) -> Query {
        var parser = try Parser(sql)
        let query = try parser.parseQuery()
        _ = parser.consumeSymbol(";")
        guard parser.current.kind == .end else { throw parser.unexpected("end of statement") }
        return query
    }

    // MARK: - Token helpers

    var current: Token { tokens[min(position, tokens.count - 1)] }

    func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    mutating func consumeWord(_ keyword: Keyword) -> Bool {
        guard current.isWord(keyword) else { return false }
        advance()
        return true
    }

    mutating func consumeSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectWord(_ keyword: Keyword) throws(EngineError) {
        guard consumeWord(keyword) else { throw unexpected(keyword.rawValue) }
    }

    mutating func expectSymbol(_ symbol: String) throws(EngineError) {
        guard consumeSymbol(symbol) else { throw unexpected("'\(symbol)'") }
    }

    func unexpected(_ expected: String) -> EngineError {
        if let construct = unsupportedConstruct() { return .unsupported(construct) }
        let found: String
        switch current.kind {
        case .end: found = "end of input"
        case .word(let text), .symbol(let text), .number(let text): found = "'\(text)'"
        case .quotedIdentifier(let text): found = "'`\(text)`'"
        case .string(let text): found = "''\(excerpt(text, limit: 20))''"
        case .marker(let name): found = "':\(name)' (an unbound parameter)"
        }
        return .syntax("Syntax error at or near \(found): expected \(expected)", line: current.line, column: current.column, sql: source)
    }

    /// Runs `body` one nesting level deeper, failing past `maxNesting`.
    mutating func nested<T>(_ body: (inout Parser) throws(EngineError) -> T) throws(EngineError) -> T {
        guard nesting < Self.maxNesting else {
            throw EngineError.nestingTooDeep(limit: Self.maxNesting, line: current.line, column: current.column)
        }
        nesting += 1
        defer { nesting -= 1 }
        return try body(&self)
    }

    /// Consumes an identifier if there is one: a non-reserved word or a back-quoted name.
    mutating func consumeIdentifier() -> String? {
        switch current.kind {
        case .quotedIdentifier(let name):
            advance()
            return name
        case .word(let word) where current.isNameWord:
            advance()
            return word
        default:
            return nil
        }
    }

    /// An identifier: a word that is not a reserved keyword, or a back-quoted name.
    mutating func parseIdentifier(_ what: String = "an identifier") throws(EngineError) -> String {
        guard let name = consumeIdentifier() else { throw unexpected(what) }
        return name
    }

    /// A name where Spark takes any word, reserved ones too, or a quoted identifier: after `.` (`s.end`,
    /// `window(…).start`), a column's alias after `AS`, a column list `t(end)`, a CTE's name.
    mutating func parseAnyName(_ what: String) throws(EngineError) -> String {
        switch current.kind {
        case .word(let word):
            advance()
            return word
        case .quotedIdentifier(let name):
            advance()
            return name
        default:
            throw unexpected(what)
        }
    }

    /// An optional alias: `AS name`, or a bare non-reserved word. After `AS` a column's alias may be any
    /// word (`AS end`); a table's may not be one of the words that join relations (`AS left`).
    mutating func parseAlias(ofTable: Bool = false) throws(EngineError) -> String? {
        if consumeWord(.as) {
            if ofTable, current.keyword?.isStrictNonReserved == true { throw unexpected("an alias") }
            return try parseAnyName("an alias")
        }
        if current.isWord(.pivot) || current.isWord(.unpivot) { return nil }
        return consumeIdentifier()
    }

    // MARK: - Queries

    /// query := [WITH …] setExpr [ORDER BY …] [LIMIT …] [OFFSET …]
    mutating func parseQuery() throws(EngineError) -> Query {
        try nested { (parser: inout Parser) throws(EngineError) -> Query in
            var ctes: [CommonTableExpression] = []
            if parser.consumeWord(.with) {
                repeat {
                    let name = try parser.parseAnyName("a CTE name")
                    let columnNames = try parser.parseColumnNameList()
                    try parser.expectWord(.as)
                    try parser.expectSymbol("(")
                    let query = try parser.parseQuery()
                    try parser.expectSymbol(")")
                    ctes.append(CommonTableExpression(name: name, columnNames: columnNames, query: query))
                } while parser.consumeSymbol(",")
            }
            var query = Query(ctes: ctes, body: try parser.parseSetExpression())
            if parser.consumeWord(.order) {
                try parser.expectWord(.by)
                query.orderBy = try parser.parseOrderItems()
            }
            if parser.consumeWord(.limit) {
                if !parser.consumeWord(.all) { query.limit = try parser.parseExpression() }
            }
            if parser.consumeWord(.offset) { query.offset = try parser.parseExpression() }
            return query
        }
    }

    mutating func parseOrderItems() throws(EngineError) -> [OrderItem] {
        var items: [OrderItem] = []
        repeat {
            let expression: Expr
            if current.isWord(.all), case .word(let text) = current.kind, Self.endsOrderItem(peek(1)) {
                advance()
                expression = .column([text])  // `ORDER BY ALL`, unless a column named `all` is in reach (the planner decides)
            } else {
                expression = try parseExpression()
            }
            var ascending = true
            if consumeWord(.desc) { ascending = false } else { _ = consumeWord(.asc) }
            var nullsFirst: Bool?
            if consumeWord(.nulls) {
                if consumeWord(.first) {
                    nullsFirst = true
                } else {
                    try expectWord(.last)
                    nullsFirst = false
                }
            }
            items.append(OrderItem(expression: expression, isAscending: ascending, nullsFirst: nullsFirst))
        } while consumeSymbol(",")
        return items
    }

    /// Whether `token` ends an ORDER BY item's expression (so a bare `ALL` before it is the item).
    private static func endsOrderItem(_ token: Token) -> Bool {
        if token.kind == .end || token.isSymbol(",") || token.isSymbol(")") || token.isSymbol(";") { return true }
        return [Keyword.asc, .desc, .nulls, .limit, .offset].contains { token.isWord($0) }
    }

    /// setExpr := intersect {(UNION | EXCEPT | MINUS) [ALL | DISTINCT] intersect}
    mutating func parseSetExpression() throws(EngineError) -> QueryBody {
        var body = try parseIntersect()
        while true {
            let op: SetOperator
            if consumeWord(.union) {
                op = .union
            } else if consumeWord(.except) || consumeWord(.minus) {
                op = .except
            } else {
                return body
            }
            let isAll = consumeWord(.all)
            if !isAll { _ = consumeWord(.distinct) }
            body = .setOperation(op, isAll: isAll, body, try parseIntersect())
        }
    }

    /// intersect := setPrimary {INTERSECT [ALL | DISTINCT] setPrimary}
    mutating func parseIntersect() throws(EngineError) -> QueryBody {
        var body = try parseSetPrimary()
        while consumeWord(.intersect) {
            let isAll = consumeWord(.all)
            if !isAll { _ = consumeWord(.distinct) }
            body = .setOperation(.intersect, isAll: isAll, body, try parseSetPrimary())
        }
        return body
    }

    /// setPrimary := select | FROM from select | TABLE name | values | '(' query ')'
    mutating func parseSetPrimary() throws(EngineError) -> QueryBody {
        if current.isWord(.values) { return try parseValues() }
        if current.isSymbol("(") {
            advance()
            let query = try parseQuery()
            try expectSymbol(")")
            return .nested(query)
        }
        if consumeWord(.from) { return .select(try parseSelect(from: try parseFromItems())) }
        if startsTableStatement {
            advance()
            let line = current.line
            let column = current.column
            let name = try parseTableName()
            let table = FromItem.table(name: name, alias: nil, line: line, column: column)
            return .select(Select(items: [.star(qualifier: nil, except: [])], from: table))
        }
        return .select(try parseSelect())
    }

    /// Whether the current word is `TABLE` (`TABLE name` stands for `SELECT * FROM name`).
    var startsTableStatement: Bool {
        if case .word(let word) = current.kind { return word.uppercased() == "TABLE" }
        return false
    }

    /// select := SELECT [DISTINCT | ALL] item {',' item} [FROM from] [WHERE …] [GROUP BY …] [HAVING …] [WINDOW …]
    /// [QUALIFY …]; after `FROM from` (Spark's FROM-first form) the select takes no FROM of its own.
    mutating func parseSelect(from written: FromItem? = nil) throws(EngineError) -> Select {
        guard consumeWord(.select) else { throw unexpected("SELECT") }
        var select = Select()
        // `SELECT distinct FROM t` reads a column named `distinct`.
        if current.isWord(.distinct), !Self.keywordIsColumn(before: peek(1)) {
            advance()
            select.isDistinct = true
        } else if current.isWord(.all), !Self.keywordIsColumn(before: peek(1)) {
            advance()
        }
        repeat { select.items.append(try parseSelectItem()) } while consumeSymbol(",")
        if let written {
            select.from = written
        } else if consumeWord(.from) {
            select.from = try parseFromItems()
        }
        if consumeWord(.where) { select.filter = try parseExpression() }
        if consumeWord(.group) {
            try expectWord(.by)
            try parseGroupBy(into: &select)
        }
        if consumeWord(.having) { select.having = try parseExpression() }
        if consumeWord(.window) { select.windows = try parseWindowClause() }
        if consumeWord(.qualify) { select.qualify = try parseExpression() }
        return select
    }

    /// from := fromItem {',' fromItem} {LATERAL VIEW …}
    private mutating func parseFromItems() throws(EngineError) -> FromItem {
        var from = try parseJoinChain()
        while consumeSymbol(",") { from = .join(.cross, from, try parseJoinChain(), .none) }
        return try parseLateralViews(from)
    }

    /// item := '*' [EXCEPT '(' column, … ')'] | name '.' '*' [EXCEPT …] | expr [[AS] alias]
    mutating func parseSelectItem() throws(EngineError) -> SelectItem {
        if consumeSymbol("*") { return .star(qualifier: nil, except: try parseStarExcept()) }
        var lookahead = 0
        var qualifier: [String] = []
        while true {
            let token = peek(lookahead)
            switch token.kind {
            case .word(let name) where token.isNameWord: qualifier.append(name)
            case .quotedIdentifier(let name): qualifier.append(name)
            default: qualifier = []
            }
            guard !qualifier.isEmpty, peek(lookahead + 1).isSymbol(".") else { break }
            if peek(lookahead + 2).isSymbol("*") {
                position += lookahead + 3
                return .star(qualifier: qualifier, except: try parseStarExcept())
            }
            lookahead += 2
        }
        let expression = try parseExpression()
        if let aliases = try parseMultiAlias() { return .multiAlias(expression, aliases: aliases) }
        return .expression(expression, alias: try parseAlias() ?? consumeKeywordAlias())
    }

    /// The column names after `* EXCEPT (`, or none (an EXCEPT not followed by `(` is the set operator's).
    private mutating func parseStarExcept() throws(EngineError) -> [[String]] {
        guard current.isWord(.except), peek(1).isSymbol("(") else { return [] }
        position += 2
        var columns: [[String]] = []
        repeat {
            guard case .column(let parts) = try parseExpression() else { throw unexpected("a column name") }
            columns.append(parts)
        } while consumeSymbol(",")
        try expectSymbol(")")
        return columns
    }
}
