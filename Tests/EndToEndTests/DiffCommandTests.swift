import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `dbapi diff` through the built binary: the warehouse is scripts/fake_databricks.py (which runs
/// statements over the sample mock data), the mock side reads a copy of `retail.products` with one
/// value changed, one row missing and a column typed differently, and no `retail.warehouses`.
final class DiffCommandTests: XCTestCase {
    private var root: TemporaryDirectory!
    private var server: FakeDatabricksServer!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
        root = TemporaryDirectory()
        let three = "WHERE sku IN ('KIT-1001', 'KIT-1002', 'KIT-1003')"
        let operations: [(String, String)] = [
            ("p/ordered", "SELECT sku, unit_price FROM retail.products \(three) ORDER BY sku"),
            ("p/unordered", "SELECT sku, active FROM retail.products \(three)"),
            ("p/types", "SELECT sku, launched FROM retail.products WHERE sku = 'KIT-1001'"),
            ("p/missing", "SELECT count(*) AS n FROM retail.warehouses"),
            ("p/same", "SELECT sku, unit_price * 2 AS twice FROM retail.products WHERE sku = 'KIT-1001'"),
        ]
        var config: [String] = []
        for (name, sql) in operations {
            let query = name.replacingOccurrences(of: "/", with: "_")
            config.append(#""\#(name)": {"execution": {"queries": [{"name": "\#(query)"}]}}"#)
            root.write("queries/\(query).sql", sql)
        }
        config.append(
            #""p/param": {"params": {"sku": {"type": "string", "required": true}}, "execution": {"queries": [{"name": "p_param"}]}, "#
                + #""examples": [{"name": "same", "params": {"sku": "KIT-1001"}}, {"name": "changed", "params": {"sku": "KIT-1002"}}, "#
                + #"{"name": "bad", "params": {"sku": 7}, "expect_error": "INVALID_PARAMETER"}]}"#)
        root.write("queries/p_param.sql", "SELECT sku, unit_price FROM retail.products WHERE sku = :sku")
        root.write("config/operations.json", "{" + config.joined(separator: ",\n") + "}")
        root.write(
            "mock/retail.products.csv",
            "sku,name,category,unit_price,active,launched\nKIT-1001,a,kitchen,63.99,true,2022-07-20\nKIT-1002,b,kitchen,999.00,true,2022-11-14\n"
        )
        root.write(
            "mock/retail.products.schema.json",
            #"{"columns": [{"name": "sku", "type": "STRING"}, {"name": "name", "type": "STRING"}, {"name": "category", "type": "STRING"}, "#
                + #"{"name": "unit_price", "type": "DECIMAL(10,2)"}, {"name": "active", "type": "BOOLEAN"}, {"name": "launched", "type": "STRING"}]}"#
        )
    }

    private func diff(_ arguments: [String]) throws -> ProcessOutcome {
        var environment: [String: String?] = [:]
        for (key, value) in server.environment { environment[key] = value }
        return try runDBAPI(["diff"] + arguments + ["--root", root.path, "--mock-data", root.path + "/mock"], environment: environment)
    }

    func testEachKindOfDifference_ExactReport() throws {
        let outcome = try diff(["--all"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout,
            """
            p/missing: 1 difference between mock and databricks
              p_missing: mock failed with NOT_FOUND: [TABLE_OR_VIEW_NOT_FOUND] The table or view `retail.warehouses` cannot be found. \
            Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01, databricks succeeded
            p/ordered: 2 differences between mock and databricks
              p_ordered: row 2, column unit_price: mock 999.00, databricks 302.49
              p_ordered: row only on databricks: ["KIT-1003",225.99]
            p/param: not compared: sku is required: expected a string
            p/same: same on mock and databricks (1 statement)
            p/types: 3 differences between mock and databricks
              p_types: column 2: mock launched STRING, databricks launched DATE
              p_types: row only on mock: ["KIT-1001","2022-07-20"]
              p_types: row only on databricks: ["KIT-1001","2022-07-20"]
            p/unordered: 1 difference between mock and databricks
              p_unordered: row only on databricks: ["KIT-1003",true]

            """)
        let json = try diff(["p/ordered", "--format", "json"])
        XCTAssertEqual(
            json.json?["data"]?["operations"]?.array?.first?["queries"]?.array?.first?["differences"],
            .array([
                .object(
                    JSONObject([
                        ("kind", .string("value")), ("row", .int(2)), ("column", .string("unit_price")), ("mock", .number("999.00")),
                        ("databricks", .number("302.49")),
                    ])),
                .object(
                    JSONObject([
                        ("kind", .string("row_only_on")), ("side", .string("databricks")),
                        ("row", .array([.string("KIT-1003"), .number("225.99")])),
                    ])),
            ]))
    }

    /// With --examples each example expected to succeed runs with its own parameters.
    func testExamples_EachRunWithItsParameters() throws {
        let outcome = try diff(["p/param", "--examples"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(
            outcome.stdout,
            """
            p/param [same]: same on mock and databricks (1 statement)
            p/param [changed]: 2 differences between mock and databricks
              p_param: row only on mock: ["KIT-1002",999.00]
              p_param: row only on databricks: ["KIT-1002",302.49]

            """)
    }

    func testAgreement_ExitsZero() throws {
        let outcome = try diff(["p/same"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "p/same: same on mock and databricks (1 statement)\n")
        let json = try diff(["p/same", "p/missing", "--format", "json"])
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.json?["data"]?["equal"], .bool(false))
        XCTAssertEqual(json.json?["data"]?["operations"]?.array?.map { $0["equal"] }, [.bool(true), .bool(false)])
    }

    func testUsage_NamesOrAll() throws {
        let outcome = try diff([])
        XCTAssertEqual(outcome.status, 64)
        XCTAssertEqual(outcome.json?["error"]?["message"], .string("'diff' needs either operation names or --all (not both)"))
    }
}
