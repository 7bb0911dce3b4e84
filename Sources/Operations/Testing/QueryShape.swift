import DBAPICore
import SQLText

/// What `dbapi test` reads from a template's tokens (the SQL is not run or planned):
///
/// - whether the outermost query ends in ORDER BY; without one, a backend may return the rows in
///   any order, so the test compares them sorted and marks them unordered;
/// - which result columns a volatile function computes (`current_timestamp()`, `now()`, `rand()`,
///   `uuid()`, `current_user()`, `unix_timestamp()`, …): a top-level SELECT item that calls one is volatile, found by its
///   position (or by its alias after a `*`). Volatile calls deeper down (a CTE, a subquery) are not
///   traced; an example's `ignore` paths cover those.
struct QueryShape: Equatable {
    /// A volatile column: its position in the result, or (after a `*`) its alias.
    enum Column: Equatable {
        case position(Int)
        case name(String)
    }

    let isOrdered: Bool
    let volatileColumns: [Column]

    /// Functions whose result changes between runs or machines.
    static let volatileFunctions: Set<String> = [
        "NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURDATE", "LOCALTIMESTAMP", "CURRENT_TIME", "RAND", "RANDN", "RANDOM",
        "UUID", "SHUFFLE", "MONOTONICALLY_INCREASING_ID", "CURRENT_USER", "USER", "SESSION_USER", "INPUT_FILE_NAME",
    ]
    /// Those Spark also accepts without parentheses.
    static let bareVolatileWords: Set<String> = [
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP", "CURRENT_TIME", "CURRENT_USER", "SESSION_USER",
    ]
    /// Words that end a SELECT list at its own nesting level.
    private static let listEnds: Set<String> = [
        "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "QUALIFY", "UNION", "INTERSECT", "EXCEPT",
        "MINUS", "SORT", "CLUSTER", "DISTRIBUTE", "LATERAL",
    ]

    init(_ template: Template) {
        let sql = template.render { _ in "NULL" }
        guard let tokens = try? Lexer.tokenize(sql) else {
            self.init(isOrdered: true, volatileColumns: [])
            return
        }
        self.init(tokens: tokens)
    }

    init(isOrdered: Bool, volatileColumns: [Column]) {
        self.isOrdered = isOrdered
        self.volatileColumns = volatileColumns
    }

    init(tokens: [Token]) {
        var depth = 0
        var isOrdered = false
        var volatile: [Column] = []
        for (index, token) in tokens.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            guard depth == 0 else { continue }
            if token.isWord(.order), index + 1 < tokens.count, tokens[index + 1].isWord(.by) { isOrdered = true }
            if token.isWord(.select) {
                for column in Self.volatileItems(tokens, after: index) where !volatile.contains(column) { volatile.append(column) }
            }
        }
        self.init(isOrdered: isOrdered, volatileColumns: volatile)
    }

    /// The volatile items of the SELECT list that starts after `select`.
    private static func volatileItems(_ tokens: [Token], after select: Int) -> [Column] {
        var items: [[Token]] = [[]]
        var depth = 0
        var index = select + 1
        if index < tokens.count, tokens[index].isWord(.distinct) || tokens[index].isWord(.all) { index += 1 }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if case .end = token.kind { break }
            if depth == 0, token.isSymbol(";") || token.isSymbol(")") { break }
            if depth == 0, case .word(let word) = token.kind, listEnds.contains(word.uppercased()) { break }
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isSymbol(",") {
                items.append([])
            } else {
                items[items.count - 1].append(token)
            }
        }
        var columns: [Column] = []
        var afterStar = false
        for (position, item) in items.enumerated() {
            if item.last?.isSymbol("*") == true { afterStar = true }
            guard callsVolatileFunction(item) else { continue }
            if !afterStar {
                columns.append(.position(position))
            } else if let alias = alias(of: item) {
                columns.append(.name(alias))
            }
        }
        return columns
    }

    private static func callsVolatileFunction(_ item: [Token]) -> Bool {
        for (index, token) in item.enumerated() {
            guard case .word(let word) = token.kind else { continue }
            let name = word.uppercased()
            let isCall = index + 1 < item.count && item[index + 1].isSymbol("(")
            let isQualified = index > 0 && item[index - 1].isSymbol(".")
            if isQualified { continue }
            if isCall, volatileFunctions.contains(name) { return true }
            if isCall, name == "UNIX_TIMESTAMP", index + 2 < item.count, item[index + 2].isSymbol(")") { return true }
            if !isCall, bareVolatileWords.contains(name) { return true }
        }
        return false
    }

    /// `… AS name`, `… AS \`name\``, or `f(…) name`.
    private static func alias(of item: [Token]) -> String? {
        guard item.count >= 2, let last = item.last else { return nil }
        let name: String
        switch last.kind {
        case .word(let word): name = word
        case .quotedIdentifier(let word): name = word
        default: return nil
        }
        let before = item[item.count - 2]
        return before.isWord(.as) || before.isSymbol(")") ? name : nil
    }
}
