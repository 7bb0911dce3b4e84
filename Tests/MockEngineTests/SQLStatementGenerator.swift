/// Builds a SELECT statement over the golden-script tables from a sequence of choices: the
/// structure-aware half of the `sql` fuzz target (libFuzzer's bytes or a seeded generator's numbers
/// pick each production), so most inputs get past the parser into the planner and executor.
///
///     var generator = SQLStatementGenerator(choices: [3, 1, 4, 1, 5])
///     generator.statement()   // e.g. "SELECT DISTINCT qty FROM items WHERE (qty > 2) LIMIT 1"
struct SQLStatementGenerator {
    private let choices: [UInt8]
    private var position = 0

    /// Each table with its columns (`Tests/MockEngineTests/Scripts/data`).
    static let tables: [(name: String, columns: [String])] = [
        ("items", ["id", "name", "category", "price", "qty", "added"]),
        ("nums", ["a", "b", "d"]),
        ("stock", ["item_id", "warehouse", "on_hand"]),
        ("retail.people", ["id", "name", "score", "tags", "big"]),
    ]
    static let literals = [
        "0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808", "1.5", "0.1",
        "1e308", "-1e308", "99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001",
        "'a'", "''", "'\\''", "'%'", "'2024-01-31'", "NULL", "TRUE", "FALSE", "DATE'2024-02-29'", "DATE'0001-01-01'",
        "DATE'9999-12-31'", "TIMESTAMP'2024-01-01 00:00:00'", "TIMESTAMP'9999-12-31 23:59:59.999999'", "1L", "1Y",
        "1S", "1BD", "1D", "array(1, 2)",
    ]
    static let arithmetic = ["+", "-", "*", "/", "%", "DIV", "||"]
    static let comparisons = ["=", "<>", "!=", "<", "<=", ">", ">=", "<=>"]
    /// Scalar and aggregate functions with the argument counts they take.
    static let functions: [(name: String, arguments: ClosedRange<Int>)] = [
        ("abs", 1...1), ("array", 0...3), ("array_contains", 2...2), ("ceil", 1...1), ("char_length", 1...1),
        ("coalesce", 1...3), ("concat", 1...3), ("concat_ws", 2...3), ("current_date", 0...0), ("current_timestamp", 0...0),
        ("date_add", 2...2), ("date_format", 2...2), ("date_sub", 2...2), ("datediff", 2...2), ("day", 1...1), ("floor", 1...1),
        ("greatest", 2...3), ("if", 3...3), ("ifnull", 2...2), ("least", 2...3), ("length", 1...1), ("lower", 1...1),
        ("ltrim", 1...1), ("month", 1...1), ("nullif", 2...2), ("nvl", 2...2), ("replace", 2...3), ("round", 1...2),
        ("rtrim", 1...1), ("size", 1...1), ("substr", 2...3), ("substring", 2...3), ("to_date", 1...2), ("trim", 1...1),
        ("upper", 1...1), ("year", 1...1), ("avg", 1...1), ("count", 1...1), ("max", 1...1), ("min", 1...1), ("sum", 1...1),
    ]
    static let types = [
        "INT", "BIGINT", "SMALLINT", "TINYINT", "DOUBLE", "FLOAT", "DECIMAL(38,0)", "DECIMAL(10,2)", "DECIMAL(38,38)",
        "STRING", "BOOLEAN", "DATE", "TIMESTAMP", "ARRAY<INT>",
    ]

    init(choices: some Sequence<UInt8>) { self.choices = Array(choices) }

    /// The next choice in `0..<count` (0 once the choices run out).
    private mutating func pick(_ count: Int) -> Int {
        guard position < choices.count, count > 0 else { return 0 }
        defer { position += 1 }
        return Int(choices[position]) % count
    }

    private mutating func one(_ options: [String]) -> String { options[pick(options.count)] }

    /// True `percent` times in 100; false once the choices run out, so statements stay small.
    private mutating func chance(_ percent: Int) -> Bool { pick(100) >= 100 - percent }

    /// One statement.
    mutating func statement() -> String { select(depth: 0) }

    private mutating func select(depth: Int) -> String {
        let table = Self.tables[pick(Self.tables.count)]
        var from = " FROM " + table.name
        var columns = table.columns
        if chance(25) {
            let other = Self.tables[pick(Self.tables.count)]
            let join = one(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL OUTER JOIN", "CROSS JOIN", "LEFT SEMI JOIN", "LEFT ANTI JOIN"])
            columns += other.columns.map { "o." + $0 }
            from += " \(join) \(other.name) o" + (join == "CROSS JOIN" ? "" : " ON " + predicate(columns, depth: depth + 1))
        }
        // Grouped: the select list holds the key and aggregates, as a valid grouped query must.
        let key = chance(30) ? one(columns) : nil
        var sql = "SELECT " + (chance(15) ? "DISTINCT " : "")
        if key == nil, chance(15) {
            sql += "*"
        } else {
            sql += (0...pick(3)).map { _ in
                let item =
                    if let key {
                        chance(40) ? key : one(["count", "sum", "min", "max", "avg"]) + "(" + expression(columns, depth: depth + 2) + ")"
                    } else {
                        expression(columns, depth: depth)
                    }
                return item + (chance(20) ? " AS c" : "")
            }.joined(separator: ", ")
        }
        sql += from
        if chance(50) { sql += " WHERE " + predicate(columns, depth: depth) }
        if let key {
            sql += " GROUP BY " + key
            if chance(40) { sql += " HAVING count(" + key + ") > " + one(Self.literals) }
        }
        if chance(40) {
            sql +=
                " ORDER BY " + (key ?? expression(columns, depth: depth + 2))
                + one(["", " ASC", " DESC", " NULLS FIRST", " DESC NULLS LAST"])
        }
        if chance(30) { sql += " LIMIT " + one(["0", "1", "3", "2147483647", "-1", "1 + 1", "NULL"]) }
        if chance(10) { sql += " OFFSET " + one(["0", "1", "2147483647", "-1"]) }
        return sql
    }

    /// A value: a column, a literal, or an operator, function, cast or CASE over values (compound
    /// ones parenthesized, so the statement parses as built).
    private mutating func expression(_ columns: [String], depth: Int) -> String {
        switch pick(depth >= 4 ? 2 : 8) {
        case 0: return one(columns)
        case 1: return one(Self.literals)
        case 2:
            return "(" + expression(columns, depth: depth + 1) + " " + one(Self.arithmetic) + " " + expression(columns, depth: depth + 1)
                + ")"
        case 3, 4:
            let function = Self.functions[pick(Self.functions.count)]
            let count = function.arguments.lowerBound + pick(function.arguments.count)
            let arguments = (0..<count).map { _ in expression(columns, depth: depth + 1) }
            return function.name + "(" + (chance(5) ? "DISTINCT " : "") + arguments.joined(separator: ", ") + ")"
        case 5: return one(["CAST", "TRY_CAST"]) + "(" + expression(columns, depth: depth + 1) + " AS " + one(Self.types) + ")"
        case 6:
            return "(CASE WHEN " + predicate(columns, depth: depth + 1) + " THEN " + expression(columns, depth: depth + 1) + " ELSE "
                + expression(columns, depth: depth + 1) + " END)"
        default:
            if chance(70) { return "(" + one(["-", "+"]) + expression(columns, depth: depth + 1) + ")" }
            let table = Self.tables[pick(Self.tables.count)]
            return "(SELECT " + expression(table.columns, depth: depth + 2) + " FROM " + table.name + " LIMIT 1)"
        }
    }

    /// A condition: comparisons, IS NULL, IN, BETWEEN, LIKE, and NOT/AND/OR of conditions.
    private mutating func predicate(_ columns: [String], depth: Int) -> String {
        let value = { (generator: inout SQLStatementGenerator) in generator.expression(columns, depth: depth + 1) }
        switch pick(depth >= 4 ? 1 : 7) {
        case 0: return "(" + value(&self) + " " + one(Self.comparisons) + " " + value(&self) + ")"
        case 1: return "(" + value(&self) + one([" IS NULL", " IS NOT NULL"]) + ")"
        case 2:
            let items = (0...pick(3)).map { _ in value(&self) }
            return "(" + value(&self) + one([" IN (", " NOT IN ("]) + items.joined(separator: ", ") + "))"
        case 3: return "(" + value(&self) + " BETWEEN " + value(&self) + " AND " + value(&self) + ")"
        case 4:
            return "(" + value(&self) + one([" LIKE ", " ILIKE ", " RLIKE "]) + one(["'a%'", "'%'", "'_'", "'\\\\'", "'[a-'", "name"]) + ")"
        case 5: return "(NOT " + predicate(columns, depth: depth + 1) + ")"
        default:
            return "(" + predicate(columns, depth: depth + 1) + one([" AND ", " OR "]) + predicate(columns, depth: depth + 1) + ")"
        }
    }
}
