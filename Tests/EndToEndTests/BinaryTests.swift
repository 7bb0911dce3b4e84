import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// Runs the real built `dbapi` executable as users and jobs do.
final class BinaryTests: XCTestCase {
    private func dbapi(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessOutcome {
        try runDBAPI(arguments, stdin: stdin, environment: environment.mapValues { $0 })
    }

    func testSampleOperations_SucceedThroughTheBinary() throws {
        let cases: [([String], String, JSONValue)] = [
            (["run", "example/echo", "--param", "message=hi"], "message", .string("hi")),
            (["run", "system/ping"], "status", .string("ok")),
            (["run", "inventory/status", "--param", "sku=KIT-1001"], "total", .int(35)),
            (
                ["run", "sales/daily-revenue", "--param", "start_date=2024-03-01", "--param", "end_date=2024-03-03"], "total_orders",
                .int(42)
            ),
            (["run", "sales/top-products", "--param", "top_n=1"], "since", .string("2024-01-01")),
            (["run", "customers/orders", "--params-json", #"{"customer_ids": [1, 2]}"#], "order_count", .int(17)),
        ]
        for (arguments, key, expected) in cases {
            let outcome = try dbapi(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertEqual(outcome.json?["status"], .string("success"), "\(arguments)")
            XCTAssertEqual(outcome.json?["data"]?[key], expected, "\(arguments)")
            XCTAssertEqual(outcome.stderr, "", "\(arguments)")
        }
        let page = try dbapi(["run", "inventory/low-stock", "--param", "limit=5", "--param", "offset=5"])
        XCTAssertEqual(page.json?["data"]?["items"]?.array?.count, 5)
        XCTAssertEqual(page.json?["meta"]?["pagination"]?["has_more"], .bool(true))
    }

    func testErrors_ExitNonZeroWithEnvelopeOnStdoutAndMessageOnStderr() throws {
        let outcome = try dbapi(["run", "inventory/status", "--param", "sku=KIT-1001", "--param", "min_qty=-3"])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertEqual(outcome.json?["error"]?["code"], .string("INVALID_PARAMETER"))
        XCTAssertEqual(outcome.json?["error"]?["message"], .string(#"min_qty must be an integer ≥ 0, got "-3""#))
        XCTAssertEqual(outcome.stderr, "Error: min_qty must be an integer ≥ 0, got \"-3\"\n")
    }

    func testStdinParameters_AndRootFromEnvironment() throws {
        let outcome = try dbapi(
            ["run", "example/echo", "--params-file", "-", "--format", "ndjson"], stdin: #"{"message": "piped"}"#,
            environment: ["DBAPI_ROOT": Fixtures.packageRoot.path])
        XCTAssertEqual(outcome.stdout, "{\"message\":\"piped\"}\n")
    }

    func testCSVOutput_OfAdHocQuery() throws {
        let outcome = try dbapi([
            "query", "SELECT warehouse_id, city FROM retail.warehouses WHERE country IN ('CH', 'BR') ORDER BY 1", "--format", "csv",
        ])
        XCTAssertEqual(outcome.stdout, "warehouse_id,city\r\nW-SAO,São Paulo\r\nW-ZRH,Zürich\r\n")
    }
}
