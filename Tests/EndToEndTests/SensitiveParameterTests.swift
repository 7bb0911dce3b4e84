import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// A parameter declared `"sensitive": true` never reaches output: the built binary, with `--verbose`,
/// on the mock and on scripts/fake_databricks.py, every stream of every command searched for a
/// planted value — in successes, parameter errors, engine errors that quote the value, `render`,
/// `describe` and `validate` — and the warehouse gets it only as a native parameter.
final class SensitiveParameterTests: XCTestCase {
    private static let planted = "Pl4nted-Secret-Value-7x"
    /// Fails the declaration's pattern, so the parameter error would quote it.
    private static let plantedInvalid = "Pl4nted Secret Value!"
    private var root: TemporaryDirectory!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        root = TemporaryDirectory()
        let token = #"{"type": "string", "sensitive": true, "required": true, "pattern": "^[A-Za-z0-9-]+$"}"#
        root.write(
            "config/operations.json",
            """
            {
              "secure/lookup": {"params": {"token": \(token)}, "execution": {"queries": [{"name": "lookup"}]}},
              "secure/cast": {"params": {"token": \(token)}, "execution": {"queries": [{"name": "cast"}]}},
              "secure/defaulted": {
                "params": {"token": {"type": "string", "sensitive": true, "default": "\(Self.planted)"}},
                "execution": {"queries": [{"name": "lookup"}]}
              },
              "secure/broken": {
                "params": {"token": {"type": "string", "sensitive": true, "default": "\(Self.planted)"}},
                "execution": {"queries": [{"name": "broken"}]}
              },
              "secure/bad-default": {
                "params": {"pin": {"type": "integer", "sensitive": true, "default": "\(Self.planted)"}},
                "execution": {"queries": [{"name": "pin"}]}
              }
            }
            """)
        root.write("queries/lookup.sql", "SELECT sku FROM retail.products WHERE sku = :token")
        root.write("queries/cast.sql", "SELECT CAST(:token AS INT) AS n")
        root.write("queries/pin.sql", "SELECT :pin AS pin")
        root.write("queries/broken.sql", "SELECT :token AS t FROM")
    }

    private func dbapi(_ arguments: [String], environment: [String: String?] = [:]) throws -> ProcessOutcome {
        try runDBAPI(arguments + ["--root", root.path, "--verbose"], environment: environment)
    }

    private func assertNotShown(_ outcome: ProcessOutcome, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in [Self.planted, Self.plantedInvalid, "Pl4nted"] {
            XCTAssertFalse(outcome.stdout.contains(secret), "\(label): on stdout: \(outcome.stdout)", file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains(secret), "\(label): on stderr: \(outcome.stderr)", file: file, line: line)
        }
    }

    func testMock_EveryCommandAndFailure_HidesTheValue() throws {
        let mockData = ["--mock-data", Fixtures.packageRoot.path + "/config/mock-data"]
        let cases: [(label: String, arguments: [String], status: Int32, message: String?)] = [
            ("run", ["run", "secure/lookup", "--param", "token=\(Self.planted)"] + mockData, 0, nil),
            (
                "parameter error", ["run", "secure/lookup", "--param", "token=\(Self.plantedInvalid)"] + mockData, 65,
                #"token must be a string matching ^[A-Za-z0-9-]+$, got "<redacted>""#
            ),
            (
                "engine error", ["run", "secure/cast", "--param", "token=\(Self.planted)"] + mockData, 67,
                "query cast: [CAST_INVALID_INPUT] The value <redacted> of the type \"STRING\" cannot be cast to \"INT\" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. SQLSTATE: 22018"
            ),
            ("render", ["render", "secure/lookup", "--param", "token=\(Self.planted)"], 0, nil),
            ("render, parameter error", ["render", "secure/lookup", "--params-json", #"{"token": "\#(Self.plantedInvalid)"}"#], 65, nil),
            ("describe", ["describe", "secure/defaulted"], 0, nil),
            ("run with the default", ["run", "secure/defaulted"] + mockData, 0, nil),
            ("validate", ["validate"], 78, nil),
            ("check", ["check"], 78, nil),
            ("render --explain", ["render", "secure/lookup", "--param", "token=\(Self.planted)", "--explain"], 0, nil),
            (
                "render --explain, json", ["render", "secure/lookup", "--param", "token=\(Self.planted)", "--explain", "--format", "json"],
                0, nil
            ),
            ("run with a bad default", ["run", "secure/bad-default"] + mockData, 78, nil),
        ]
        for (label, arguments, status, message) in cases {
            let outcome = try dbapi(arguments)
            XCTAssertEqual(outcome.status, status, "\(label): \(outcome.stdout) \(outcome.stderr)")
            assertNotShown(outcome, label)
            if let message { XCTAssertEqual(outcome.json?["error"]?["message"], .string(message), label) }
        }
        let render = try dbapi(["render", "secure/lookup", "--param", "token=\(Self.planted)"])
        XCTAssertEqual(render.stdout, "-- query: lookup\nSELECT sku FROM retail.products WHERE sku = <redacted>\n")
        let shown = try dbapi(["render", "secure/lookup", "--param", "token=\(Self.planted)", "--show-sensitive"])
        XCTAssertEqual(shown.stdout, "-- query: lookup\nSELECT sku FROM retail.products WHERE sku = '\(Self.planted)'\n")
        let explained = try dbapi(["render", "secure/lookup", "--param", "token=\(Self.planted)", "--explain", "--show-sensitive"])
        XCTAssertTrue(explained.stdout.contains(Self.planted), explained.stdout)
        let check = try dbapi(["check", "secure/broken", "--format", "json"])
        XCTAssertEqual(check.status, 78)
        assertNotShown(check, "check, json")
        let describe = try dbapi(["describe", "secure/defaulted"])
        XCTAssertEqual(describe.json?["data"]?["params"]?.array?.first?["default"], .string("<redacted>"))
        XCTAssertEqual(describe.json?["data"]?["params"]?.array?.first?["sensitive"], .bool(true))
    }

    func testDatabricks_SendsTheValueOnlyAsANativeParameter() throws {
        let server = try FakeDatabricksServer()
        var environment: [String: String?] = [:]
        for (key, value) in server.environment { environment[key] = value }
        let run = try dbapi(
            ["run", "secure/lookup", "--param", "token=\(Self.planted)", "--backend", "databricks"], environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        assertNotShown(run, "databricks run")
        let failed = try dbapi(
            ["run", "secure/cast", "--param", "token=\(Self.planted)", "--backend", "databricks"], environment: environment)
        XCTAssertEqual(failed.status, 67, failed.stdout)
        assertNotShown(failed, "databricks engine error")
        let statements = try server.requests().filter {
            $0["path"] == .string("/api/2.0/sql/statements") && $0["method"] == .string("POST")
        }
        XCTAssertEqual(statements.count, 2)
        for request in statements {
            let body = try JSONParser.parse(request["body"]?.string ?? "")
            let text = body["statement"]?.string ?? ""
            XCTAssertFalse(text.contains(Self.planted), text)
            XCTAssertTrue(text.contains(":token"), text)
            XCTAssertEqual(body["parameters"]?.array?.first?["value"], .string(Self.planted))
        }
    }
}
