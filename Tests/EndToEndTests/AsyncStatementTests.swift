import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `--async`, `dbapi result` and `dbapi cancel` through the built binary against
/// scripts/fake_databricks.py: a job task submits and exits, a later one fetches or cancels.
final class AsyncStatementTests: XCTestCase {
    private var server: FakeDatabricksServer!
    private let sql = "SELECT sku, unit_price FROM retail.products WHERE sku >= 'KIT-1001' AND sku < :s ORDER BY sku"

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
    }

    private func dbapi(_ arguments: [String]) throws -> ProcessOutcome {
        var environment: [String: String?] = [:]
        for (key, value) in server.environment { environment[key] = value }
        return try runDBAPI(arguments, environment: environment)
    }

    func testSubmitThenFetch_GivesWhatARunGives() throws {
        let submitted = try dbapi(["query", sql, "--param", "s=KIT-1004", "--backend", "databricks", "--async"])
        XCTAssertEqual(submitted.status, 0, submitted.stdout + submitted.stderr)
        let id = try XCTUnwrap(submitted.json?["data"]?["statement_id"]?.string)
        XCTAssertEqual(submitted.json?["data"]?["warehouse_id"], .string("wh-test"))
        let body = try JSONParser.parse(
            try server.requests().first { $0["method"] == .string("POST") }?["body"]?.string ?? "")
        XCTAssertEqual(body["wait_timeout"], .string("0s"))
        XCTAssertEqual(body["disposition"], .string("EXTERNAL_LINKS"))

        let fetched = try dbapi(["result", id, "--backend", "databricks"])
        XCTAssertEqual(fetched.status, 0, fetched.stdout)
        let direct = try dbapi(["query", sql, "--param", "s=KIT-1004", "--backend", "databricks"])
        XCTAssertEqual(fetched.json?["data"], direct.json?["data"])
        XCTAssertEqual(fetched.json?["data"]?["rows"]?.array?.count, 3)
        XCTAssertEqual(fetched.json?["meta"]?["statement_id"], .string(id))
        let lines = try dbapi(["result", id, "--backend", "databricks", "--format", "ndjson"])
        XCTAssertEqual(lines.stdout.split(separator: "\n").first, #"{"sku":"KIT-1001","unit_price":63.99}"#)
    }

    func testCancel_SendsTheCancelRequest() throws {
        let submitted = try dbapi(["query", sql, "--param", "s=KIT-1004", "--backend", "databricks", "--async"])
        let id = try XCTUnwrap(submitted.json?["data"]?["statement_id"]?.string)
        let canceled = try dbapi(["cancel", id, "--backend", "databricks"])
        XCTAssertEqual(canceled.status, 0, canceled.stdout)
        XCTAssertEqual(canceled.json?["data"], .object(JSONObject([("statement_id", .string(id)), ("canceled", .bool(true))])))
        XCTAssertEqual(
            try server.requests().filter { $0["method"] == .string("POST") }.map { $0["path"] },
            [.string("/api/2.0/sql/statements"), .string("/api/2.0/sql/statements/\(id)/cancel")])
    }

    func testRefusals_SayWhy() throws {
        let cases: [([String], Int32, String)] = [
            (
                ["result", "s-1"], 64,
                "dbapi result needs a backend that keeps statements after the command ends (--backend databricks); mock runs them to completion"
            ),
            (
                ["result", "../../api/2.0/x", "--backend", "databricks"], 64,
                "'../../api/2.0/x' is not a statement id (letters, digits, '-' and '_')"
            ),
            (
                ["run", "inventory/status", "--param", "sku=KIT-1001", "--backend", "databricks", "--async"], 64,
                "--async runs an operation whose data is the rows of its one query, unpaginated; inventory/status has a response mapping, pagination or several queries"
            ),
        ]
        for (arguments, status, message) in cases {
            let outcome = try dbapi(arguments)
            XCTAssertEqual(outcome.status, status, "\(arguments): \(outcome.stdout)")
            XCTAssertEqual(outcome.json?["error"]?["message"], .string(message), "\(arguments)")
        }
    }
}
