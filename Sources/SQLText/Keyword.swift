/// The words Spark SQL gives a meaning, as the parser asks for them: `token.isWord(.select)`. A word
/// token knows its keyword once, when it is made, so the parser compares enum cases instead of
/// upper-casing text at every question.
public enum Keyword: String, CaseIterable, Sendable {
    case all = "ALL"
    case and = "AND"
    case anti = "ANTI"
    case `any` = "ANY"
    case `as` = "AS"
    case asc = "ASC"
    case between = "BETWEEN"
    case both = "BOTH"
    case by = "BY"
    case `case` = "CASE"
    case cluster = "CLUSTER"
    case comment = "COMMENT"
    case cross = "CROSS"
    case cube = "CUBE"
    case current = "CURRENT"
    case desc = "DESC"
    case distinct = "DISTINCT"
    case distribute = "DISTRIBUTE"
    case div = "DIV"
    case `else` = "ELSE"
    case end = "END"
    case escape = "ESCAPE"
    case except = "EXCEPT"
    case exclude = "EXCLUDE"
    case exists = "EXISTS"
    case `false` = "FALSE"
    case filter = "FILTER"
    case first = "FIRST"
    case following = "FOLLOWING"
    case `for` = "FOR"
    case from = "FROM"
    case full = "FULL"
    case group = "GROUP"
    case grouping = "GROUPING"
    case having = "HAVING"
    case identifier = "IDENTIFIER"
    case ignore = "IGNORE"
    case ilike = "ILIKE"
    case `in` = "IN"
    case include = "INCLUDE"
    case inner = "INNER"
    case intersect = "INTERSECT"
    case interval = "INTERVAL"
    case `is` = "IS"
    case join = "JOIN"
    case last = "LAST"
    case lateral = "LATERAL"
    case leading = "LEADING"
    case left = "LEFT"
    case like = "LIKE"
    case limit = "LIMIT"
    case minus = "MINUS"
    case natural = "NATURAL"
    case not = "NOT"
    case null = "NULL"
    case nulls = "NULLS"
    case offset = "OFFSET"
    case on = "ON"
    case or = "OR"
    case order = "ORDER"
    case outer = "OUTER"
    case over = "OVER"
    case partition = "PARTITION"
    case pivot = "PIVOT"
    case placing = "PLACING"
    case preceding = "PRECEDING"
    case qualify = "QUALIFY"
    case range = "RANGE"
    case regexp = "REGEXP"
    case respect = "RESPECT"
    case right = "RIGHT"
    case rlike = "RLIKE"
    case rollup = "ROLLUP"
    case row = "ROW"
    case rows = "ROWS"
    case select = "SELECT"
    case semi = "SEMI"
    case sets = "SETS"
    case `some` = "SOME"
    case sort = "SORT"
    case tablesample = "TABLESAMPLE"
    case then = "THEN"
    case timestamp = "TIMESTAMP"
    case to = "TO"
    case trailing = "TRAILING"
    case transform = "TRANSFORM"
    case `true` = "TRUE"
    case unbounded = "UNBOUNDED"
    case union = "UNION"
    case unpivot = "UNPIVOT"
    case using = "USING"
    case values = "VALUES"
    case version = "VERSION"
    case view = "VIEW"
    case when = "WHEN"
    case `where` = "WHERE"
    case window = "WINDOW"
    case `with` = "WITH"
    case within = "WITHIN"
    case x = "X"

    /// The keyword `text` spells, in any letter case.
    public init?(word text: String) {
        guard text.utf8.count <= Self.longest, let keyword = Self.byText[text.uppercased()] else { return nil }
        self = keyword
    }

    /// Whether the word cannot be a bare alias or identifier.
    public var isReserved: Bool { Self.reserved.contains(self) }

    /// Whether the word cannot name a table even after `AS` (Spark's strict non-reserved words: the ones
    /// that join and combine relations). Every other word, reserved ones too, can name a column after `AS`.
    public var isStrictNonReserved: Bool { Self.strictNonReserved.contains(self) }

    private static let byText = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    private static let longest = allCases.map(\.rawValue.utf8.count).max() ?? 0
    private static let strictNonReserved: Set<Keyword> = [
        .anti, .cross, .except, .full, .inner, .intersect, .join, .lateral, .left, .minus, .natural, .on, .right, .semi, .union,
        .using,
    ]
    private static let reserved: Set<Keyword> = [
        .all,
        .and,
        .anti,
        .as,
        .asc,
        .between,
        .by,
        .case,
        .cross,
        .desc,
        .distinct,
        .else,
        .end,
        .except,
        .exists,
        .false,
        .from,
        .full,
        .group,
        .having,
        .ilike,
        .in,
        .inner,
        .intersect,
        .is,
        .join,
        .lateral,
        .left,
        .like,
        .limit,
        .minus,
        .natural,
        .not,
        .null,
        .nulls,
        .offset,
        .on,
        .or,
        .order,
        .outer,
        .qualify,
        .right,
        .rlike,
        .select,
        .semi,
        .then,
        .true,
        .union,
        .using,
        .when,
        .where,
        .window,
        .with,
    ]
}
