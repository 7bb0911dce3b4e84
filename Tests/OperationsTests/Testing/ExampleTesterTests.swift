import DBAPICore
import DBAPITestSupport
import Foundation
import MockEngine
import XCTest

@testable import Operations

/// `ExampleTester` on the mock engine: what each way an example can end reports, and what the
/// snapshot holds (ignore paths, volatile values, unordered rows).
final class ExampleTesterTests: XCTestCase {
    private let root = TemporaryDirectory()

    private func tester(update: Bool = false) throws -> (ExampleTester, OperationCatalog) {
        let catalog = try OperationCatalog(root: root.path)
        let backend = MockBackend(catalog: try MockCatalog(directory: root.path + "/config/mock-data"))
        let store = SnapshotStore(directory: nil, root: root.path)
        return (ExampleTester(catalog: catalog, backend: backend, store: store, update: update, timeout: nil), catalog)
    }

    override func setUp() {
        root.write("config/mock-data/t.csv", "id,name\n2,b\n1,a\n")
        root.write("queries/t.sql", "SELECT id, name, now() AS token FROM t WHERE id <= :n\n")
        root.write("queries/bad.sql", "SELECT 1 / 0 AS boom\n")
        root.write(
            "config/operations.json",
            """
            {
              "t": {"params": {"n": {"type": "integer", "required": true}},
                    "examples": [
                      {"name": "both", "params": {"n": 2}, "ignore": ["data.count", "columns.rows[2]"]},
                      {"name": "want-sql-error", "params": {"n": 2}, "expect_error": "SQL_ERROR"},
                      {"name": "bad-n", "params": {"n": "x"}, "expect_error": "SQL_ERROR"}
                    ],
                    "execution": {"queries": [{"name": "t", "result_key": "rows"}],
                                  "response_mapping": {"count": "len(results['rows'])", "rows": "results['rows']",
                                                       "first_token": "results['rows'][0]['token']"}}},
              "boom": {"examples": [{"name": "b"}], "execution": {"queries": [{"name": "bad"}]}}
            }
            """)
    }

    private func run(_ operation: String, _ example: String, update: Bool = false) async throws -> ExampleOutcome {
        let (tester, catalog) = try tester(update: update)
        let declared = try XCTUnwrap(try catalog.operation(operation).examples.first { $0.name == example })
        return await tester.test(declared, of: operation)
    }

    func testSnapshot_LeavesOutIgnoredAndVolatileValues_AndSortsUnorderedRows() async throws {
        let written = try await run("t", "both", update: true)
        XCTAssertEqual(written.status, .written)
        let text = try String(contentsOfFile: root.path + "/config/snapshots/t/both.json", encoding: .utf8)
        let snapshot = try JSONParser.parse(text)
        XCTAssertEqual(
            JSONWriter().string(snapshot),
            #"{"operation":"t","example":"both","params":{"n":2},"columns":{"rows":["id: INT","name: STRING","<ignored>"]},"unordered":["rows"],"data":{"count":"<ignored>","rows":[{"id":1,"name":"a","token":"<volatile>"},{"id":2,"name":"b","token":"<volatile>"}],"first_token":"<volatile>"}}"#
        )
        let again = try await run("t", "both")
        XCTAssertEqual(again.status, .passed, again.message ?? "")
    }

    func testRunsThatDoNotEndAsDeclared_FailWithTheReason() async throws {
        let cases: [(String, String, String)] = [
            ("t", "want-sql-error", "expected SQL_ERROR, but the example succeeded"),
            ("t", "bad-n", #"expected SQL_ERROR, got INVALID_PARAMETER: n must be an integer, got "x""#),
            (
                "boom", "b",
                "failed with SQL_ERROR: query bad: [DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22012"
            ),
        ]
        for (operation, example, message) in cases {
            let outcome = try await run(operation, example, update: true)
            XCTAssertEqual(outcome.status, .failed, example)
            XCTAssertEqual(outcome.message, message, example)
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.path + "/config/snapshots/\(operation)/\(example).json"), example)
        }
    }

    func testUnreadableSnapshot_FailsAndUpdateRewritesIt() async throws {
        root.write("config/snapshots/t/both.json", "{not json")
        let outcome = try await run("t", "both")
        XCTAssertEqual(outcome.message, "snapshot config/snapshots/t/both.json is not valid JSON (run 'dbapi test --update' to rewrite it)")
        let updated = try await run("t", "both", update: true)
        XCTAssertEqual(updated.status, .updated)
    }
}

extension ExampleTesterTests {
    func testSnapshotFolderLinkedOutside_IsNotWrittenThrough() async throws {
        let outside = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.path + "/config/snapshots", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/config/snapshots/t", withDestinationPath: outside.path)
        let outcome = try await run("t", "both", update: true)
        XCTAssertEqual(outcome.status, .failed)
        XCTAssertEqual(
            outcome.message,
            "cannot write snapshot config/snapshots/t/both.json: a symbolic link leads config/snapshots/t/both.json outside the snapshot directory"
        )
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])
    }
}
