import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Operations

final class OperationCatalogTests: XCTestCase {
    /// A root with one problem of every kind `dbapi validate` must report.
    private func brokenRoot() -> TemporaryDirectory {
        let root = TemporaryDirectory()
        root.write(
            "config/operations.json",
            """
            {
              "good/op": {"params": {"id": {"type": "integer"}}, "execution": {"queries": [{"name": "good_id"}]}},
              "missing/template": {"execution": {"queries": [{"name": "nope/absent"}]}},
              "escaping/path": {"execution": {"queries": [{"name": "../secrets"}]}},
              "unmapped/marker": {"params": {"a": {"type": "string"}}, "execution": {"queries": [{"name": "unmapped"}]}},
              "undeclared/source": {"params": {"a": {"type": "string"}}, "execution": {"queries": [{"name": "good_id", "params_map": {"id": "nope"}}]}},
              "bad/type": {"params": {"x": {"type": "int32"}}, "execution": {"queries": [{"name": "good"}]}},
              "bad/regex": {"params": {"x": {"type": "string", "pattern": "(["}}, "execution": {"queries": [{"name": "good"}]}},
              "bad/mapping": {"execution": {"queries": [{"name": "good"}], "response_mapping": {"total": "sum(results['x'"}}},
              "unknown/function": {"execution": {"queries": [{"name": "good"}], "response_mapping": {"x": "eval('1')"}}}
            }
            """)
        root.write(
            "config/operations/dup.json",
            """
            {
              "good/op": {"execution": {"queries": [{"name": "good"}]}},
              "clean/op": {"execution": {"queries": [{"name": "good"}]}}
            }
            """)
        root.write("config/operations/syntax.json", "{\n  \"x\": [1,,]\n}\n")
        root.write("queries/good.sql", "SELECT 1 AS one")
        root.write("queries/good_id.sql", "SELECT :id AS id")
        root.write("queries/unmapped.sql", "SELECT :a,\n  :b -- :c is a comment\n")
        return root
    }

    func testValidateAll_ReportsEveryProblemWithFileAndLine() throws {
        let root = brokenRoot()
        let catalog = try OperationCatalog(root: root.path)
        let issues = catalog.validateAll().map(\.description)
        XCTAssertEqual(
            issues.sorted(),
            [
                "config/operations.json:10: unknown/function: response_mapping.x: unknown function 'eval'",
                "config/operations.json:6: undeclared/source: params_map of good_id: :id maps to 'nope', which is not a declared parameter",
                "config/operations.json:7: bad/type: params.x: unknown type 'int32'; expected one of string, integer, number, decimal, boolean, date, timestamp, array, identifier",
                "config/operations.json:8: bad/regex: params.x: invalid regular expression in pattern ([: missing ']' at offset 2",
                "config/operations.json:9: bad/mapping: response_mapping.total: syntax error at column 16: expected ']', found end of expression",
                "config/operations/dup.json:2: good/op: operation is defined twice: in config/operations.json:2 and in config/operations/dup.json:2",
                "config/operations/syntax.json:2:11: invalid JSON: unexpected character ','",
                "queries/: escaping/path: query name '../secrets' escapes queries/ (no absolute paths, '..' or empty parts)",
                "queries/good_id.sql:1:8: undeclared/source: marker :id is not mapped to any parameter (add it to params_map or params)",
                "queries/nope/absent.sql: missing/template: template queries/nope/absent.sql for query 'nope/absent' does not exist",
                "queries/unmapped.sql:2:3: unmapped/marker: marker :b is not mapped to any parameter (add it to params_map or params)",
            ].sorted())
    }

    func testOperation_FailsOnlyForItsOwnProblems() throws {
        let root = brokenRoot()
        let catalog = try OperationCatalog(root: root.path)
        XCTAssertThrowsError(try catalog.operation("unmapped/marker")) { error in
            XCTAssertEqual((error as? CatalogError)?.code, .configuration)
            XCTAssertEqual(
                (error as? CatalogError)?.description,
                "1 configuration problem:\n  queries/unmapped.sql:2:3: unmapped/marker: marker :b is not mapped to any parameter (add it to params_map or params)"
            )
        }
        XCTAssertThrowsError(try catalog.operation("good/opp")) {
            XCTAssertEqual($0 as? CatalogError, .unknownOperation("good/opp", suggestion: "good/op"))
        }
        XCTAssertEqual(try catalog.operation("clean/op").name, "clean/op", "problems elsewhere must not block it")
    }

    func testMissingConfiguration_IsAConfigurationError() {
        let root = TemporaryDirectory()
        XCTAssertThrowsError(try OperationCatalog(root: root.path)) {
            XCTAssertEqual(($0 as? CatalogError)?.code, .configuration)
        }
    }

    func testSeedEcho_LoadsVerbatimWithImplicitParams() throws {
        let catalog = try OperationCatalog(root: Fixtures.packageRoot.path)
        let echo = try catalog.operation("example/echo")
        XCTAssertFalse(echo.declaresParams)
        XCTAssertEqual(echo.params.map(\.name), ["message"])
        XCTAssertEqual(echo.params.first?.type, .string)
        XCTAssertEqual(catalog.validateAll(), [])
    }
}
