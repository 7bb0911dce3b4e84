import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `dbapi check` through the built binary: one template with each kind of problem, found by planning
/// (never running) with the mock engine against the mock data's schemas.
final class CheckCommandTests: XCTestCase {
    private let root = TemporaryDirectory()

    override func setUp() {
        root.write("config/mock-data/stock.csv", "sku,qty\nKIT,4\n")
        root.write(
            "config/operations.json",
            """
            {
              "t/table": {"execution": {"queries": [{"name": "table"}]}},
              "t/column": {"execution": {"queries": [{"name": "column"}]}},
              "t/type": {"params": {"n": {"type": "integer"}}, "execution": {"queries": [{"name": "type"}]}},
              "t/unsupported": {"execution": {"queries": [{"name": "unsupported"}]}},
              "t/limit": {"params": {"n": {"type": "integer"}}, "execution": {"queries": [{"name": "limit"}]}},
              "t/syntax": {"params": {"sku": {"type": "string"}}, "execution": {"queries": [{"name": "syntax"}]}},
              "t/ok": {"params": {"n": {"type": "integer", "minimum": 0, "maximum": 100}}, "execution": {"queries": [{"name": "limit"}]}}
            }
            """)
        root.write("queries/table.sql", "-- unknown table\nSELECT sku\nFROM nope\n")
        root.write("queries/column.sql", "SELECT sku,\n       qtty\nFROM stock\n")
        root.write("queries/type.sql", "SELECT sku FROM stock\nWHERE qty > date_add(:n, 1)\n")
        root.write("queries/unsupported.sql", "SELECT sku FROM stock TABLESAMPLE (10 PERCENT)\n")
        root.write("queries/limit.sql", "SELECT sku FROM stock\nORDER BY sku\nLIMIT :n\n")
        root.write("queries/syntax.sql", "SELECT sku FROM stock WHERE sku = :sku AND qty > > 1\n")
    }

    func testOneProblemOfEachKind_IsReportedAtItsTemplatePlace() throws {
        let outcome = try runDBAPI(["check", "--root", root.path])
        XCTAssertEqual(outcome.status, 78)
        XCTAssertEqual(
            outcome.stdout,
            """
            LOCATION                      OPERATION      ERROR CLASS                              MESSAGE
            queries/column.sql:2:8        t/column       UNRESOLVED_COLUMN.WITH_SUGGESTION        [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `qtty` cannot be resolved. Did you mean one of the following? [`qty`, `sku`]. SQLSTATE: 42703
            queries/limit.sql:3:7         t/limit        INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE  [INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] The limit like expression "1" is invalid. The limit expression must be integer type, but got "BIGINT". SQLSTATE: 42K0E
            queries/syntax.sql:1:50       t/syntax       PARSE_SYNTAX_ERROR                       [PARSE_SYNTAX_ERROR] Syntax error at or near '>': expected an expression (line 1, column 49). SQLSTATE: 42601
            queries/table.sql:3:6         t/table        TABLE_OR_VIEW_NOT_FOUND                  [TABLE_OR_VIEW_NOT_FOUND] The table or view `nope` cannot be found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01
            queries/type.sql:2:13         t/type         DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE  [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "date_add(1, 1)" due to data type mismatch: The first parameter requires the "DATE" type, however "1" has the type "BIGINT". SQLSTATE: 42K09
            queries/unsupported.sql:1:23  t/unsupported  UNSUPPORTED_FEATURE                      [UNSUPPORTED_FEATURE] The feature is not supported: TABLESAMPLE (not implemented by the mock engine). SQLSTATE: 0A000
            6 problems; 7 queries checked

            """)
    }

    func testJSONFormat_ListsTheProblemsForTools() throws {
        let outcome = try runDBAPI(["check", "t/limit", "t/ok", "--root", root.path, "--format", "json"])
        XCTAssertEqual(outcome.status, 78)
        XCTAssertEqual(outcome.json?["error"]?["code"], .string("CONFIGURATION_ERROR"))
        XCTAssertEqual(outcome.json?["error"]?["message"], .string("1 template problem (dbapi check)"))
        XCTAssertEqual(outcome.json?["error"]?["details"]?["checked"], .int(2))
        XCTAssertEqual(
            outcome.json?["error"]?["details"]?["problems"],
            .array([
                .object(
                    JSONObject([
                        ("file", .string("queries/limit.sql")), ("line", .int(3)), ("column", .int(7)), ("operation", .string("t/limit")),
                        ("query", .string("limit")), ("error_class", .string("INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE")),
                        (
                            "message",
                            .string(
                                #"[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] The limit like expression "1" is invalid. The limit expression must be integer type, but got "BIGINT". SQLSTATE: 42K0E"#
                            )
                        ),
                    ]))
            ]))
        let clean = try runDBAPI(["check", "t/ok", "--root", root.path])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "no problems; 1 query checked\n")
        let unknown = try runDBAPI(["check", "t/nope", "--root", root.path])
        XCTAssertEqual(unknown.status, 66)
    }

    func testSampleConfig_HasNoProblems() throws {
        let outcome = try runDBAPI(["check", "--root", Fixtures.packageRoot.path])
        XCTAssertEqual(outcome.stdout, "no problems; 8 queries checked\n")
        XCTAssertEqual(outcome.status, 0)
    }
}
