import DBAPICore

/// Errors raised by the in-memory engine, each mapped to one `ErrorCode`.
public enum EngineError: ReportableError, Equatable {
    /// A syntax error; `sql` is the statement so the message can point at the spot. `errorClass` is Spark's
    /// (PARSE_SYNTAX_ERROR unless the lexer or parser knows a more precise one).
    case syntax(String, line: Int, column: Int, sql: String, errorClass: String = "PARSE_SYNTAX_ERROR")
    case nestingTooDeep(limit: Int, line: Int, column: Int)
    case unknownTable(String, suggestion: String?)
    /// An unresolved column, by its name parts, with the columns in reach ordered as Spark suggests them.
    case unknownColumn([String], suggestions: [String])
    case ambiguousColumn(String, candidates: [String])
    case unknownFunction(String, suggestion: String?)
    case wrongArgumentCount(function: String, expected: String, got: Int)
    case typeMismatch(expression: String, message: String)
    case notAggregated(expression: String)
    case invalidGroupingOrdinal(Int, count: Int)
    case divideByZero
    /// `x % 0`, `mod(x, 0)`.
    case remainderByZero
    case overflow(String)
    /// A CAST whose value does not fit an integral target type.
    case castOverflow(value: String, from: SQLType, to: SQLType)
    /// A decimal result that does not fit its type (`round`).
    case numericOutOfRange(String)
    /// A DECIMAL value (a CAST's or an operation's result) that does not fit the DECIMAL(precision, scale) it must have.
    case decimalOutOfRange(String, precision: Int, scale: Int)
    /// A datetime pattern Spark's formatter rejects (`yyyyyyy`, `MMMMM`, `ddd`).
    case invalidDatetimePattern(String)
    case invalidCast(value: String, from: SQLType = .string, type: SQLType)
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

    /// Spark's error class: `DIVIDE_BY_ZERO`, `UNRESOLVED_COLUMN.WITH_SUGGESTION`.
    public var errorClass: String {
        switch self {
        case .syntax(_, _, _, _, let errorClass): errorClass
        case .nestingTooDeep: "FAILED_TO_PARSE_TOO_COMPLEX"
        case .unknownTable: "TABLE_OR_VIEW_NOT_FOUND"
        case .unknownColumn(_, let suggestions):
            suggestions.isEmpty ? "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION" : "UNRESOLVED_COLUMN.WITH_SUGGESTION"
        case .ambiguousColumn: "AMBIGUOUS_REFERENCE"
        case .unknownFunction: "UNRESOLVED_ROUTINE"
        case .wrongArgumentCount: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION"
        case .typeMismatch: "DATATYPE_MISMATCH"
        case .notAggregated: "MISSING_AGGREGATION"
        case .invalidGroupingOrdinal: "GROUP_BY_POS_OUT_OF_RANGE"
        case .divideByZero: "DIVIDE_BY_ZERO"
        case .remainderByZero: "REMAINDER_BY_ZERO"
        case .overflow: "ARITHMETIC_OVERFLOW"
        case .castOverflow: "CAST_OVERFLOW"
        case .numericOutOfRange: "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION"
        case .decimalOutOfRange: "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION"
        case .invalidDatetimePattern: "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION"
        case .invalidCast: "CAST_INVALID_INPUT"
        case .invalidArgument: "INVALID_PARAMETER_VALUE"
        case .subqueryReturnedMoreThanOneRow: "SCALAR_SUBQUERY_TOO_MANY_ROWS"
        case .unsupported: "UNSUPPORTED_FEATURE"
        case .analysis(let errorClass, _), .classified(let errorClass, _, _): errorClass
        case .invalidLimitLike(let subclass, _, _): "INVALID_LIMIT_LIKE_EXPRESSION.\(subclass)"
        case .dataFile: "FAILED_READ_FILE.NO_HINT"
        }
    }

    /// An invalid datetime pattern (INCONSISTENT_BEHAVIOR_CROSS_VERSION.*, INVALID_DATETIME_PATTERN.*), which Spark
    /// reports only once it formats or reads a value.
    var isDatetimePatternError: Bool {
        errorClass.hasPrefix("INCONSISTENT_BEHAVIOR_CROSS_VERSION.") || errorClass.hasPrefix("INVALID_DATETIME_PATTERN.")
    }

    /// Spark's SQLSTATE for `errorClass` (`22012` for DIVIDE_BY_ZERO).
    public var sqlState: String {
        if case .classified(_, let sqlState, _) = self { return sqlState }
        return SparkErrorClass.sqlState(of: errorClass)
    }

    public var description: String {
        // Spark's legacy classes (`_LEGACY_ERROR_TEMP_…`) have no SQLSTATE.
        "[\(errorClass)] \(text)" + (sqlState.isEmpty ? "" : " SQLSTATE: \(sqlState)") + (caretLines.map { "\n" + $0 } ?? "")
    }

    /// The message in Spark's words, without the class and SQLSTATE.
    private var text: String {
        switch self {
        case let .syntax(message, line, column, _, _):
            return "\(message) (line \(line), column \(column))."
        case let .nestingTooDeep(limit, line, column):
            return "The statement is nested or chained too deeply to parse (more than \(limit) levels) at line \(line), column \(column)."
        case let .unknownTable(name, suggestion):
            return "The table or view `\(name)` cannot be found. Verify the spelling and correctness of the schema and catalog."
                + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
        case let .unknownColumn(parts, suggestions):
            let name = parts.map(ColumnSuggestions.quoted).joined(separator: ".")
            return "A column, variable, or function parameter with name \(name) cannot be resolved."
                + (suggestions.isEmpty ? "" : " Did you mean one of the following? [\(suggestions.joined(separator: ", "))].")
        case let .ambiguousColumn(name, candidates):
            let quoted = candidates.map { $0.split(separator: ".").map { "`\($0)`" }.joined(separator: ".") }
            return "Reference `\(name)` is ambiguous, could be: [\(quoted.joined(separator: ", "))]."
        case let .unknownFunction(name, suggestion):
            return "Cannot resolve routine `\(name)` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]."
                + (suggestion.map { " Did you mean `\($0)`?" } ?? "")
        case let .wrongArgumentCount(function, expected, got):
            return "The `\(function)` requires \(expected) parameters but the actual number is \(got)."
        case let .typeMismatch(expression, message):
            return "Cannot resolve \"\(expression)\" due to data type mismatch: \(message)."
        case let .notAggregated(expression):
            return "The non-aggregating expression \"\(expression)\" is based on columns which are not participating in the GROUP BY "
                + "clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use "
                + "\"any_value(\(expression))\" if you do not care which of the values within a group is returned."
        case let .invalidGroupingOrdinal(position, count):
            return "GROUP BY position \(position) is not in select list (valid range is [1, \(count)])."
        case .divideByZero:
            return "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead."
                + Self.ansiHint
        case .remainderByZero:
            return "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead." + Self.ansiHint
        case let .overflow(what):
            return "\(what)." + Self.ansiHint
        case let .castOverflow(value, from, to):
            return "The value \(value) of the type \"\(from)\" cannot be cast to \"\(to)\" due to an overflow. "
                + "Use `try_cast` to tolerate overflow and return NULL instead."
        case let .numericOutOfRange(what):
            return what
        case let .decimalOutOfRange(value, precision, scale):
            return " \(value) cannot be represented as Decimal(\(precision), \(scale)). If necessary set \"spark.sql.ansi.enabled\" "
                + "to \"false\" to bypass this error, and return NULL instead."
        case let .invalidDatetimePattern(pattern):
            return "Fail to recognize '\(pattern)' pattern in the DateTimeFormatter."
        case let .invalidCast(value, from, type):
            return "The value '\(excerpt(value))' of the type \"\(from)\" cannot be cast to \"\(type)\" because it is malformed. "
                + "Correct the value as per the syntax, or change its target type. "
                + "Use `try_cast` to tolerate malformed input and return NULL instead."
        case let .invalidArgument(function, message):
            return "The value of parameter(s) of `\(function)` is invalid: \(message)."
        case .subqueryReturnedMoreThanOneRow:
            return "More than one row returned by a subquery used as an expression."
        case let .unsupported(feature):
            return "The feature is not supported: \(feature) (not implemented by the mock engine)."
        case let .analysis(_, message):
            return message
        case let .invalidLimitLike(_, expression, reason):
            return "The limit like expression \"\(expression)\" is invalid. \(reason)"
        case let .classified(_, _, message):
            return message
        case let .dataFile(file, line, column, message):
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            return "mock data \(place): \(message)."
        }
    }

    /// How Spark's WRONG_NUM_ARGS names an arity: `2`, `[1, 2]`, `> 0`.
    static func arity(_ range: ClosedRange<Int>) -> String {
        if range.lowerBound == range.upperBound { return "\(range.lowerBound)" }
        if range.upperBound == Int.max { return "> \(range.lowerBound - 1)" }
        if range.upperBound - range.lowerBound > 4 { return "[\(range.lowerBound), …, \(range.upperBound)]" }
        return "[" + (range.lowerBound...range.upperBound).map(String.init).joined(separator: ", ") + "]"
    }

    private static let ansiHint = " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."

    /// The offending line with a caret, for errors that point into the statement.
    private var caretLines: String? {
        guard case let .syntax(_, line, column, sql, _) = self else { return nil }
        let caret = Self.caret(sql: sql, line: line, column: column)
        return caret.isEmpty ? nil : caret
    }

    public var details: [String: JSONValue] {
        var details: [String: JSONValue] = ["error_class": .string(errorClass)]
        if !sqlState.isEmpty { details["sql_state"] = .string(sqlState) }
        switch self {
        case let .syntax(_, line, column, _, _):
            details["line"] = .int(Int64(line))
            details["column"] = .int(Int64(column))
        case let .dataFile(file, line, column, _):
            details["file"] = .string(file)
            details["line"] = line.map { .int(Int64($0)) } ?? .null
            details["column"] = column.map { .int(Int64($0)) } ?? .null
        default: break
        }
        return details
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
