import DBAPICore
import XCTest

@testable import MockEngine

/// Every EngineError carries Spark's error class and SQLSTATE (checked against PySpark 4.3.0's
/// `error-conditions.json` and `getSqlState()`), in `details` and at the head of its message.
final class EngineErrorTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    func testEveryCase_HasSparksClassAndSQLState() {
        let cases: [(EngineError, String, String)] = [
            (.syntax("Syntax error at or near 'x'", line: 1, column: 2, sql: "x"), "PARSE_SYNTAX_ERROR", "42601"),
            (.syntax("m", line: 1, column: 1, sql: "", errorClass: "UNCLOSED_BRACKETED_COMMENT"), "UNCLOSED_BRACKETED_COMMENT", "42601"),
            (.nestingTooDeep(limit: 100, line: 1, column: 1), "FAILED_TO_PARSE_TOO_COMPLEX", "54001"),
            (.unknownTable("t", suggestion: nil), "TABLE_OR_VIEW_NOT_FOUND", "42P01"),
            (.unknownColumn(["c"], suggestions: ["`d`"]), "UNRESOLVED_COLUMN.WITH_SUGGESTION", "42703"),
            (.unknownColumn(["c"], suggestions: []), "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION", "42703"),
            (.ambiguousColumn("id", candidates: ["a.id", "b.id"]), "AMBIGUOUS_REFERENCE", "42704"),
            (.unknownFunction("f", suggestion: nil), "UNRESOLVED_ROUTINE", "42883"),
            (.wrongArgumentCount(function: "f", expected: "1", got: 2), "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "42605"),
            (.typeMismatch(expression: "e", message: "m"), "DATATYPE_MISMATCH", "42K09"),
            (.notAggregated(expression: "e"), "MISSING_AGGREGATION", "42803"),
            (.invalidGroupingOrdinal(3, count: 2), "GROUP_BY_POS_OUT_OF_RANGE", "42805"),
            (.divideByZero, "DIVIDE_BY_ZERO", "22012"),
            (.remainderByZero, "REMAINDER_BY_ZERO", "22012"),
            (.overflow("overflow"), "ARITHMETIC_OVERFLOW", "22003"),
            (.castOverflow(value: "300", from: .int, to: .tinyint), "CAST_OVERFLOW", "22003"),
            (.numericOutOfRange("m"), "NUMERIC_VALUE_OUT_OF_RANGE.WITHOUT_SUGGESTION", "22003"),
            (.decimalOutOfRange("1.5", precision: 1, scale: 1), "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "22003"),
            (.invalidDatetimePattern("yyyyyyy"), "INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION", "42K0B"),
            (.invalidCast(value: "x", type: .int), "CAST_INVALID_INPUT", "22018"),
            (.invalidArgument(function: "f", message: "m"), "INVALID_PARAMETER_VALUE", "22023"),
            (.subqueryReturnedMoreThanOneRow, "SCALAR_SUBQUERY_TOO_MANY_ROWS", "21000"),
            (.unsupported("LATERAL VIEW"), "UNSUPPORTED_FEATURE", "0A000"),
            (.analysis("NESTED_AGGREGATE_FUNCTION", "m"), "NESTED_AGGREGATE_FUNCTION", "42607"),
            (.analysis("DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "m"), "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN", "42K09"),
            (.analysis("JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE", "m"), "JOIN_CONDITION_IS_NOT_BOOLEAN_TYPE", "42K0E"),
            (.analysis("UNRESOLVED_USING_COLUMN_FOR_JOIN", "m"), "UNRESOLVED_USING_COLUMN_FOR_JOIN", "42703"),
            (.analysis("INCOMPATIBLE_JOIN_TYPES", "m"), "INCOMPATIBLE_JOIN_TYPES", "42613"),
            (
                .analysis("UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE", "m"),
                "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE", "0A000"
            ),
            (.invalidLimitLike(subclass: "IS_NULL", expression: "e", reason: "r"), "INVALID_LIMIT_LIKE_EXPRESSION.IS_NULL", "42K0E"),
            (.dataFile(file: "t.csv", line: 1, column: nil, message: "m"), "FAILED_READ_FILE.NO_HINT", "KD001"),
        ]
        for (error, errorClass, sqlState) in cases {
            XCTAssertEqual(error.errorClass, errorClass, "\(error)")
            XCTAssertEqual(error.sqlState, sqlState, "\(error)")
            XCTAssertEqual(error.details["error_class"], .string(errorClass), "\(error)")
            XCTAssertEqual(error.details["sql_state"], .string(sqlState), "\(error)")
            XCTAssertTrue(error.description.hasPrefix("[\(errorClass)] "), error.description)
            XCTAssertTrue(error.description.split(separator: "\n")[0].hasSuffix(" SQLSTATE: \(sqlState)"), error.description)
        }
    }

    func testEveryAnalysisClassTheEngineRaises_HasAnSQLState() {
        for (errorClass, sqlState) in SparkErrorClass.sqlStates {
            XCTAssertEqual(SparkErrorClass.sqlState(of: errorClass + ".SUBCLASS"), sqlState)
        }
        XCTAssertEqual(SparkErrorClass.sqlState(of: "NOT_A_CLASS"), "XX000")
    }

    func testSparkSQLTheMockDoesNotImplement_IsUnsupportedNotASyntaxError() throws {
        let cases: [(String, String)] = [
            ("SELECT * FROM (SELECT 1 AS id) t TABLESAMPLE (50 PERCENT)", "TABLESAMPLE"),
            ("SELECT * FROM (SELECT 1 AS id) t CLUSTER BY id", "CLUSTER BY"),
            ("SELECT * FROM (SELECT 1 AS id) DISTRIBUTE BY id", "DISTRIBUTE BY"),
            ("SELECT id FROM (SELECT 1 AS id) t WHERE id > 0 SORT BY id", "SORT BY"),
            ("SELECT TRANSFORM(id) USING 'cat' FROM (SELECT 1 AS id) t", "the TRANSFORM clause"),
            ("SELECT 1 AS id |> WHERE id > 1", "SQL pipe syntax (`|>`)"),
            ("SELECT * FROM (SELECT 1 AS id) t VERSION AS OF 1", "time travel (`AS OF`)"),
            (
                "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
                "recursive common table expressions (`WITH RECURSIVE`)"
            ),
            ("with recursive `r` AS (SELECT 1 AS n) SELECT * FROM r", "recursive common table expressions (`WITH RECURSIVE`)"),
            ("SELECT to_timestamp('2024', 'yyyy[-MM]')", "optional sections (`[…]`) in a datetime pattern read as text"),
        ]
        for (sql, feature) in cases {
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { error in
                XCTAssertEqual(
                    (error as? EngineError)?.description,
                    "[UNSUPPORTED_FEATURE] The feature is not supported: \(feature) (not implemented by the mock engine). SQLSTATE: 0A000",
                    sql)
            }
        }
    }

    /// A builtin Spark has and the mock lacks would run on a warehouse: UNSUPPORTED_FEATURE, not the
    /// UNRESOLVED_ROUTINE Spark gives for a name it does not know.
    func testSparkBuiltinTheMockLacks_IsUnsupported_AnUnknownNameIsUnresolved() throws {
        let cases: [(String, String)] = [
            ("SELECT xpath_boolean('<a><b>1</b></a>', 'a/b')", "UNSUPPORTED_FEATURE"),
            ("SELECT aes_encrypt('x', '0000111122223333')", "UNSUPPORTED_FEATURE"),
            ("SELECT Variant_Get(NULL, '$')", "UNSUPPORTED_FEATURE"),
            ("SELECT no_such_function(1)", "UNRESOLVED_ROUTINE"),
            // A bare `user` that names no column is Spark's current_user(), which only a warehouse knows.
            ("SELECT user", "UNSUPPORTED_FEATURE"),
            ("SELECT Session_User FROM (SELECT 1 AS x)", "UNSUPPORTED_FEATURE"),
            ("SELECT current_user AS u", "UNSUPPORTED_FEATURE"),
            ("SELECT userx", "UNRESOLVED_COLUMN.WITHOUT_SUGGESTION"),
            ("SELECT t.user FROM (SELECT 1 AS x) t", "UNRESOLVED_COLUMN.WITH_SUGGESTION"),
        ]
        for (sql, errorClass) in cases {
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { error in
                XCTAssertEqual((error as? EngineError)?.errorClass, errorClass, sql)
            }
        }
        XCTAssertThrowsError(try engine.execute("SELECT xpath_boolean('<a/>', 'a')", now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[UNSUPPORTED_FEATURE] The feature is not supported: Spark's builtin function `xpath_boolean` (not implemented by the mock engine). SQLSTATE: 0A000"
            )
        }
    }

    func testSyntaxError_SaysSparksWordsAndKeepsTheCaret() throws {
        XCTAssertThrowsError(try engine.execute("SELECT * FORM t", now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM': expected end of statement (line 1, column 10). SQLSTATE: 42601\n"
                    + "  SELECT * FORM t\n           ^")
            XCTAssertEqual((error as? EngineError)?.details["line"], .int(1))
            XCTAssertEqual((error as? EngineError)?.details["column"], .int(10))
        }
    }

    func testWrongArgumentCount_NamesTheArityAsSparkDoes() {
        XCTAssertEqual(EngineError.arity(2...2), "2")
        XCTAssertEqual(EngineError.arity(1...2), "[1, 2]")
        XCTAssertEqual(EngineError.arity(1...Int.max), "> 0")
    }
}
