import DBAPICore
import DBAPITestSupport
import MockEngine
import XCTest

@testable import DBAPICLI

/// A backend is one registry entry: `--backend`, its check and its help come from the registry, and the
/// CLI asks every backend the same questions (facts for `meta`, timeouts) without knowing its type.
final class BackendRegistryTests: XCTestCase {
    /// A test-only backend: answers every statement with its SQL and reports one fact.
    private struct EchoBackend: SQLBackend {
        let name = "echo"
        let label: String

        func execute(_ statement: BoundStatement) async throws -> ResultStream {
            ResultStream(ResultSet(columns: [ResultColumn(name: "sql", type: .string)], rows: [[.string(statement.inlinedSQL)]]))
        }

        func runFacts() -> JSONObject { JSONObject([("echo_label", .string(label))]) }
    }

    private let registry = BackendRegistry([
        .init(name: "mock", make: MockBackend.make),
        .init(name: "echo", make: { settings in EchoBackend(label: settings.correlationID) }),
    ])

    func testATestOnlyBackend_RunsThroughTheRegistry() async throws {
        let result = await runCLI(
            ["query", "SELECT :n AS n", "--param", "n:int=7", "--backend", "echo", "--correlation-id", "c-1"], backends: registry)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"], .array([.array([.string("SELECT 7 AS n")])]))
        XCTAssertEqual(result.json?["meta"]?["echo_label"], .string("c-1"))
    }

    func testBackendChoices_ComeFromTheRegistry() async throws {
        let result = await runCLI(["query", "SELECT 1", "--backend", "databricks"], backends: registry)
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(
            result.json?["error"]?["message"], .string("--backend must be mock or echo, got 'databricks'"))
        XCTAssertEqual(BackendRegistry.standard.helpList, "mock (default) or databricks")
        XCTAssertTrue(HelpText.text(for: .query).contains("  --backend NAME          Backend: mock (default) or databricks.\n"))
    }

    func testUnknownBackendFromTheEnvironment_IsAConfigurationError() async throws {
        let result = await runCLI(["query", "SELECT 1"], environment: ["DBAPI_BACKEND": "nope"], backends: registry)
        XCTAssertEqual(result.status, 78)
        XCTAssertEqual(result.json?["error"]?["message"], .string("unknown backend 'nope'; use mock or echo"))
    }
}
