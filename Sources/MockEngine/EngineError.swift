import DBAPICore

/// Errors raised by the in-memory engine, each mapped to one `ErrorCode`.
public enum EngineError: ReportableError, Equatable {
    /// A syntax error; `sql` is the statement so the message can point at the spot.
    case syntax(String, line: Int, column: Int, sql: String)
    case nestingTooDeep(limit: Int, line: Int, column: Int)
    case unknownTable(String, suggestion: String?)
    case unknownColumn(String, suggestion: String?)
    case ambiguousColumn(String, candidates: [String])
    case unknownFunction(String, suggestion: String?)
    case wrongArgumentCount(function: String, expected: String, got: Int)
    case typeMismatch(expression: String, message: String)
    case notAggregated(expression: String)
    case invalidGroupingOrdinal(Int, count: Int)
    case divideByZero
    case overflow(String)
    /// A decimal result that does not fit its type (`round`).
    case numericOutOfRange(String)
    /// A datetime pattern Spark's formatter rejects (`yyyyyyy`, `MMMMM`, `ddd`).
    case invalidDatetimePattern(String)
    case invalidCast(value: String, type: SQLType)
    case invalidArgument(function: String, message: String)
    case subqueryReturnedMoreThanOneRow
    case unsupported(String)
    /// An analysis error with Spark's error class and message.
    case analysis(_ errorClass: String, _ message: String)
    /// A LIMIT or OFFSET Spark refuses; `subclass` of INVALID_LIMIT_LIKE_EXPRESSION (DATA_TYPE, IS_NULL, IS_NEGATIVE).
    case invalidLimitLike(subclass: String, expression: String, reason: String)
    /// An analysis error reported with Spark's error class and SQLSTATE (window misuse and the like);
    /// Spark's legacy classes (`_LEGACY_ERROR_TEMP_…`) have no SQLSTATE (empty).
    case classified(errorClass: String, sqlState: String, message: String)
    /// A mock data file that cannot be read.
    case dataFile(file: String, line: Int?, column: Int?, message: String)

    public var code: ErrorCode {
        switch self {
        case .dataFile: .configuration
        case .unknownTable: .notFound
        default: .sql
        }
    }

    public var description: String {
        switch self {
        case let .syntax(message, line, column, sql):
            return "syntax error at \(line):\(column): \(message)\n" + Self.caret(sql: sql, line: line, column: column)
        case let .nestingTooDeep(limit, line, column):
            return "statement nested or chained too deeply (more than \(limit) levels) at \(line):\(column)"
        case let .unknownTable(name, suggestion):
            return "[TABLE_OR_VIEW_NOT_FOUND] table or view '\(name)' cannot be found" + Self.didYouMean(suggestion)
        case let .unknownColumn(name, suggestion):
            return "[UNRESOLVED_COLUMN] column '\(name)' cannot be resolved" + Self.didYouMean(suggestion)
        case let .ambiguousColumn(name, candidates):
            return "[AMBIGUOUS_REFERENCE] reference '\(name)' is ambiguous, could be: \(candidates.joined(separator: ", "))"
        case let .unknownFunction(name, suggestion):
            return "[UNRESOLVED_ROUTINE] function '\(name)' cannot be found" + Self.didYouMean(suggestion)
        case let .wrongArgumentCount(function, expected, got):
            return "[WRONG_NUM_ARGS] \(function) takes \(expected) argument(s), got \(got)"
        case let .typeMismatch(expression, message):
            return "[DATATYPE_MISMATCH] cannot resolve '\(expression)': \(message)"
        case let .notAggregated(expression):
            return "[MISSING_AGGREGATION] '\(expression)' is neither in GROUP BY nor inside an aggregate function"
        case let .invalidGroupingOrdinal(position, count):
            return "[GROUP_BY_POS_OUT_OF_RANGE] position \(position) is not in the select list (1 to \(count))"
        case .divideByZero:
            return "[DIVIDE_BY_ZERO] division by zero; use try_divide to tolerate a zero divisor and return NULL"
        case let .overflow(what):
            return "[ARITHMETIC_OVERFLOW] \(what)"
        case let .numericOutOfRange(what):
            return "[NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION] \(what)"
        case let .invalidDatetimePattern(pattern):
            return "[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] "
                + "Fail to recognize '\(pattern)' pattern in the DateTimeFormatter"
        case let .invalidCast(value, type):
            return "[CAST_INVALID_INPUT] the value '\(excerpt(value))' cannot be cast to \(type); use try_cast to get NULL"
        case let .invalidArgument(function, message):
            return "[INVALID_ARGUMENT] \(function): \(message)"
        case .subqueryReturnedMoreThanOneRow:
            return "[SCALAR_SUBQUERY_TOO_MANY_ROWS] more than one row returned by a subquery used as an expression"
        case let .unsupported(feature):
            return "[UNSUPPORTED_FEATURE] \(feature) is not supported by the mock engine"
        case let .analysis(errorClass, message):
            return "[\(errorClass)] \(message)"
        case let .invalidLimitLike(subclass, expression, reason):
            return
                "[INVALID_LIMIT_LIKE_EXPRESSION.\(subclass)] The limit like expression \"\(expression)\" is invalid. \(reason) SQLSTATE: 42K0E"
        case let .classified(errorClass, sqlState, message):
            return "[\(errorClass)] \(message)" + (sqlState.isEmpty ? "" : " SQLSTATE: \(sqlState)")
        case let .dataFile(file, line, column, message):
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            return "mock data \(place): \(message)"
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case let .syntax(_, line, column, _): ["line": .int(Int64(line)), "column": .int(Int64(column))]
        case let .dataFile(file, line, column, _):
            ["file": .string(file), "line": line.map { .int(Int64($0)) } ?? .null, "column": column.map { .int(Int64($0)) } ?? .null]
        case .invalidLimitLike(let subclass, _, _):
            ["error_class": .string("INVALID_LIMIT_LIKE_EXPRESSION.\(subclass)"), "sql_state": .string("42K0E")]
        case let .classified(errorClass, sqlState, _):
            sqlState.isEmpty ? ["error_class": .string(errorClass)] : ["error_class": .string(errorClass), "sql_state": .string(sqlState)]
        default: [:]
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The offending source line with a caret under `column`.
    static func caret(sql: String, line: Int, column: Int) -> String {
        let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        let text = String(lines[line - 1]).replacingTabs()
        let prefix = Array(text.utf8.prefix(max(column - 1, 0)))
        let width = String(decoding: prefix, as: UTF8.self).unicodeScalars.count
        return "  " + text + "\n  " + String(repeating: " ", count: width) + "^"
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
