import DBAPICore
import DBAPITestSupport
import Foundation
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

    func testTemplates_AreReadOnlyFromInsideQueries() throws {
        let root = TemporaryDirectory()
        let outside = TemporaryDirectory()
        outside.write("secret.sql", "SELECT 'outside' AS s")
        root.write("queries/ok/one.sql", "SELECT 1 AS one")
        root.write(
            "config/operations.json",
            #"""
            {"file_link": {"execution": {"queries": [{"name": "ok/link"}]}},
             "dir_link": {"execution": {"queries": [{"name": "dirlink/secret"}]}},
             "inner_link": {"execution": {"queries": [{"name": "ok/alias"}]}},
             "nul": {"execution": {"queries": [{"name": "ok/one.sql\u0000x"}]}}}
            """#)
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: root.path + "/queries/ok/link.sql", withDestinationPath: outside.path + "/secret.sql")
        try fileManager.createSymbolicLink(atPath: root.path + "/queries/dirlink", withDestinationPath: outside.path)
        try fileManager.createSymbolicLink(atPath: root.path + "/queries/ok/alias.sql", withDestinationPath: "one.sql")
        let catalog = try OperationCatalog(root: root.path)
        let outsideMessage = "resolves to a file outside queries/ (through a symbolic link); templates must be inside queries/"
        XCTAssertEqual(
            catalog.validateAll().map(\.description),
            [
                "queries/dirlink/secret.sql: dir_link: template queries/dirlink/secret.sql for query 'dirlink/secret' \(outsideMessage)",
                "queries/ok/link.sql: file_link: template queries/ok/link.sql for query 'ok/link' \(outsideMessage)",
                #"config/operations.json:4: nul: execution.queries[0]: query name "ok/one.sql\u0000x" contains a NUL character"#,
            ])
        XCTAssertEqual(try catalog.operation("inner_link").name, "inner_link", "a link that stays inside queries/ is fine")
        // queries/ itself may be a link (a deployment layout); its templates are inside it.
        let linked = TemporaryDirectory()
        linked.write("config/operations.json", #"{"op": {"execution": {"queries": [{"name": "ok/one"}]}}}"#)
        try fileManager.createSymbolicLink(atPath: linked.path + "/queries", withDestinationPath: root.path + "/queries")
        XCTAssertEqual(try OperationCatalog(root: linked.path).validateAll(), [])
    }

    func testNamesWithNUL_AreRefused() throws {
        let root = TemporaryDirectory()
        root.write("queries/q.sql", "SELECT :a AS a")
        root.write(
            "config/operations.json",
            #"""
            {"op\u0000x": {"execution": {"queries": [{"name": "q"}]}},
             "param": {"params": {"a": "string", "b\u0000": "string"}, "execution": {"queries": [{"name": "q"}]}}}
            """#)
        XCTAssertEqual(
            try OperationCatalog(root: root.path).validateAll().map(\.description),
            [
                #"config/operations.json:1: operation name "op\u0000x" contains a NUL character"#,
                #"config/operations.json:2: param: parameter name "b\u0000" contains a NUL character"#,
            ])
    }

    func testDuplicateKeysAndUnknownTypes_AreProblemsOfTheirOperation() throws {
        let root = TemporaryDirectory()
        root.write("queries/q.sql", "SELECT 1 AS one")
        root.write(
            "config/operations.json",
            """
            {"ping": {"execution": {"queries": [{"name": "q", "result_key": "first"}]}},
             "ping": {"execution": {"queries": [{"name": "q", "result_key": "second"}]}},
             "x": {"type": "simple",
                   "type": "other",
                   "params": {"a": {"type": "integer"}, "a": {"type": "string"}},
                   "execution": {"queries": [{"name": "q", "name": "q"}]}},
             "clean": {"execution": {"queries": [{"name": "q"}]}},
             "kind": {"type": 5, "execution": {"queries": [{"name": "q"}]}}}
            """)
        let catalog = try OperationCatalog(root: root.path)
        XCTAssertEqual(
            catalog.validateAll().map(\.description),
            [
                "config/operations.json:2:2: ping: operation is defined twice in this file: at lines 1 and 2",
                #"config/operations.json:4:8: x: duplicate key "type" in x at lines 3 and 4"#,
                #"config/operations.json:5:45: x: duplicate key "a" in x.params at lines 5 and 5"#,
                #"config/operations.json:6:48: x: duplicate key "name" in x.execution.queries[0] at lines 6 and 6"#,
                #"config/operations.json:8: kind: unknown operation type 5; the only type is "simple""#,
                #"config/operations.json:4: x: unknown operation type "other"; the only type is "simple""#,
            ])
        XCTAssertThrowsError(try catalog.operation("ping")) { XCTAssertEqual(($0 as? CatalogError)?.code, .configuration) }
        XCTAssertThrowsError(try catalog.validDeclaration("x"), "describe refuses it too") {
            XCTAssertEqual(($0 as? CatalogError)?.code, .configuration)
        }
        XCTAssertEqual(try catalog.operation("clean").name, "clean")
    }

    func testInvalidUTF8_InConfigOrTemplate_IsReportedWithLineAndColumn() throws {
        let root = TemporaryDirectory()
        root.write("config/operations.json", #"{"op": {"execution": {"queries": [{"name": "latin1"}]}}}"#)
        root.write("config/operations/latin1.json", bytes: Array("{\n \"bad\": \"caf".utf8) + [0xE9] + Array("\"\n}".utf8))
        root.write("queries/latin1.sql", bytes: Array("SELECT 1 AS one,\n  'caf".utf8) + [0xE9, 0x27])
        XCTAssertEqual(
            try OperationCatalog(root: root.path).validateAll().map(\.description),
            [
                "config/operations/latin1.json:2:13: not valid UTF-8 text",
                "queries/latin1.sql:2:7: op: not valid UTF-8 text",
            ])
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
