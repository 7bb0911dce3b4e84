import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `dbapi snapshot` through the built binary: tables read from scripts/fake_databricks.py (or the
/// mock), written as mock data, and read back by the mock with the same columns and rows.
final class SnapshotCommandTests: XCTestCase {
    private var out: TemporaryDirectory!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        out = TemporaryDirectory()
    }

    private func run(_ arguments: [String], server: FakeDatabricksServer? = nil) throws -> ProcessOutcome {
        var environment: [String: String?] = [:]
        for (key, value) in server?.environment ?? [:] { environment[key] = value }
        return try runDBAPI(arguments, environment: environment)
    }

    /// `SELECT * FROM table ORDER BY 1, 2` on the mock over `mockData`: columns and rows.
    private func mockRows(_ table: String, _ mockData: String) throws -> JSONValue? {
        let outcome = try run(["query", "SELECT * FROM \(table) ORDER BY 1, 2", "--mock-data", mockData])
        XCTAssertEqual(outcome.status, 0, outcome.stdout)
        return outcome.json?["data"]
    }

    func testWarehouseTables_ReadBackTheSameThroughTheMock() throws {
        let server = try FakeDatabricksServer()
        let tables = ["retail.products", "retail.customers", "retail.orders", "retail.inventory", "retail.warehouses"]
        let snapshot = try run(["snapshot"] + tables + ["--to", out.path], server: server)
        XCTAssertEqual(snapshot.status, 0, snapshot.stdout + snapshot.stderr)
        XCTAssertEqual(snapshot.json?["data"]?["tables"]?.array?.map { $0["table"] }, tables.map { .string($0) })
        let original = Fixtures.packageRoot.path + "/config/mock-data"
        for table in tables {
            let copied = try mockRows(table, out.path)
            XCTAssertNotNil(copied, table)
            XCTAssertEqual(copied, try mockRows(table, original), table)
        }
        let first = try String(contentsOfFile: out.path + "/retail.products.jsonl", encoding: .utf8)
        XCTAssertEqual(try run(["snapshot", "retail.products", "--to", out.path], server: server).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out.path + "/retail.products.jsonl", encoding: .utf8), first, "the same bytes again")
    }

    func testLimitFilterAndColumns_KeepTheSameRowsEveryRun() throws {
        let server = try FakeDatabricksServer()
        let arguments = [
            "snapshot", "retail.products", "--to", out.path, "--limit", "2", "--where", "category = :c AND unit_price > :p",
            "--param", "c=kitchen", "--param", "p:decimal(10,2)=300", "--columns", "sku,unit_price,launched",
        ]
        XCTAssertEqual(try run(arguments, server: server).status, 0)
        let rows = try String(contentsOfFile: out.path + "/retail.products.jsonl", encoding: .utf8)
        XCTAssertEqual(rows.split(separator: "\n").count, 2)
        XCTAssertTrue(rows.hasPrefix(#"{"sku":"KIT-"#), rows)
        let schema = try JSONParser.parse(try String(contentsOfFile: out.path + "/retail.products.schema.json", encoding: .utf8))
        XCTAssertEqual(
            schema["columns"]?.array?.map { "\($0["name"]?.string ?? "") \($0["type"]?.string ?? "")" },
            ["sku STRING", "unit_price DECIMAL(10,2)", "launched DATE"])
        XCTAssertEqual(try run(arguments, server: server).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out.path + "/retail.products.jsonl", encoding: .utf8), rows)
        let requests = try server.requests().compactMap { $0["body"]?.string }.filter { $0.contains("\"statement\"") }
        XCTAssertTrue(requests.allSatisfy { !$0.contains("kitchen") || $0.contains("\"parameters\"") }, "values are parameters")
        XCTAssertTrue(requests.allSatisfy { !$0.contains("'kitchen'") }, "never pasted into the statement")
    }

    /// Every type the mock holds, read from the mock and written back: the same values.
    func testEveryType_RoundTrips() throws {
        let source = TemporaryDirectory()
        let types = [
            ("i", "INT"), ("b", "BIGINT"), ("s", "SMALLINT"), ("t", "TINYINT"), ("d", "DOUBLE"), ("f", "FLOAT"), ("m", "DECIMAL(38,10)"),
            ("str", "STRING"), ("flag", "BOOLEAN"), ("day", "DATE"), ("ts", "TIMESTAMP"), ("ntz", "TIMESTAMP_NTZ"), ("a", "ARRAY<INT>"),
            ("mp", "MAP<STRING,BIGINT>"), ("st", "STRUCT<x: INT, y: ARRAY<STRING>>"),
        ]
        let columns = types.map { #"{"name": "\#($0.0)", "type": "\#($0.1)"}"# }.joined(separator: ", ")
        source.write("t.every.schema.json", #"{"columns": [\#(columns)]}"#)
        source.write(
            "t.every.jsonl",
            """
            {"i": 1, "b": 9223372036854775807, "s": -32768, "t": 127, "d": 1.5e300, "f": 0.25, "m": 1234567890123456789012345678.0123456789, "str": "é \\"q\\" \\n", "flag": true, "day": "0001-01-01", "ts": "2024-02-29T23:59:59.999999Z", "ntz": "2024-01-01T00:00:00", "a": [1, null, 3], "mp": {"k": 1, "z": null}, "st": {"x": null, "y": ["a", null]}}
            {"i": null, "b": null, "s": null, "t": null, "d": "NaN", "f": "-Infinity", "m": null, "str": "", "flag": false, "day": null, "ts": null, "ntz": null, "a": [], "mp": {}, "st": null}

            """)
        let snapshot = try run(["snapshot", "t.every", "--backend", "mock", "--mock-data", source.path, "--to", out.path])
        XCTAssertEqual(snapshot.status, 0, snapshot.stdout)
        let copied = try mockRows("t.every", out.path)
        XCTAssertEqual(copied?["rows"]?.array?.count, 2)
        XCTAssertEqual(copied, try mockRows("t.every", source.path))
    }

    func testBrokenResult_WritesNothing() throws {
        let server = try FakeDatabricksServer()
        try server.control(#"{"chunk_rows": 25, "fault": {"kind": "fewer_rows", "chunk": 2}}"#)
        let outcome = try run(["snapshot", "retail.products", "--to", out.path], server: server)
        XCTAssertEqual(outcome.status, 74, outcome.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    /// SIGINT while the table's chunks arrive: the statement is canceled, exit 130, and no file
    /// (not even a temporary one) is left in the directory.
    func testInterruptedMidFetch_WritesNothing() throws {
        let server = try FakeDatabricksServer()
        try server.control(#"{"chunk_rows": 5, "chunk_delay": 0.3}"#)
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = ["snapshot", "retail.products", "--to", out.path]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in server.environment { environment[key] = value }
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = Pipe()
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try !server.requests().contains(where: { ($0["path"]?.string ?? "").contains("/result/chunks/") }) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGINT)
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertEqual(try JSONParser.parse(bytes: [UInt8](output))["error"]?["code"], .string("CANCELED"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    /// `--for OP`: the tables the operation's templates read (CTEs and subqueries looked into, CTE
    /// names left out), after those named, each once.
    func testForOperation_SnapshotsTheTablesItsTemplatesRead() throws {
        let server = try FakeDatabricksServer()
        let outcome = try run(["snapshot", "retail.orders", "--for", "customers/orders", "--to", out.path, "--limit", "2"], server: server)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertEqual(
            outcome.json?["data"]?["tables"]?.array?.map { $0["table"] }, [.string("retail.orders"), .string("retail.customers")])
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(),
            ["retail.customers.jsonl", "retail.customers.schema.json", "retail.orders.jsonl", "retail.orders.schema.json"])
        let refusals: [([String], Int32, String)] = [
            (["snapshot", "--to", out.path], 64, "'snapshot' needs table names or --for OP"),
            (
                ["snapshot", "--for", "customers/order", "--to", out.path], 66,
                "unknown operation 'customers/order'; did you mean 'customers/orders'?"
            ),
        ]
        for (arguments, status, message) in refusals {
            let refused = try run(arguments, server: server)
            XCTAssertEqual(refused.status, status, refused.stdout)
            XCTAssertEqual(refused.json?["error"]?["message"], .string(message))
        }
    }
}
