import DBAPICore
import DBAPITestSupport
import XCTest

@testable import DBAPICLI

final class CommandTests: XCTestCase {
    func testRun_EchoReturnsTheMessage() async throws {
        let result = await runCLI(["run", "example/echo", "--param", "message=hi", "--correlation-id", "abc"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["status"], .string("success"))
        XCTAssertEqual(result.json?["data"], .object(JSONObject([("message", .string("hi"))])))
        XCTAssertEqual(result.json?["meta"]?["correlation_id"], .string("abc"))
        XCTAssertEqual(result.json?["meta"]?["operation"], .string("example/echo"))
        XCTAssertEqual(result.stderr, "")
    }

    func testRunStreamed_SameRowsAsTheEnvelopeCappedAtTheLimit() async throws {
        let arguments = ["run", "inventory/low-stock", "--param", "limit=4", "--param", "offset=1"]
        let collected = await runCLI(arguments)
        let table = try XCTUnwrap(collected.json?["data"]?.object?.members.first?.value.array)
        XCTAssertEqual(table.count, 4)
        let ndjson = await runCLI(arguments + ["--format", "ndjson"])
        XCTAssertEqual(ndjson.status, 0, ndjson.stderr)
        XCTAssertEqual(ndjson.stdout, table.map { JSONWriter().string($0) + "\n" }.joined())
        let csv = await runCLI(arguments + ["--format", "csv"])
        let header = try XCTUnwrap(table.first?.object?.members.map(\.key))
        XCTAssertEqual(csv.stdout.split(separator: "\r\n").first.map(String.init), header.joined(separator: ","))
        XCTAssertEqual(csv.stdout.split(separator: "\r\n").count, 5)
        // Operations whose data is shaped by a response mapping are still written whole.
        let mapped = await runCLI(["run", "example/echo", "--param", "message=hi", "--format", "ndjson"])
        XCTAssertEqual(mapped.stdout, #"{"message":"hi"}"# + "\n")
        let invalid = await runCLI(["run", "inventory/low-stock", "--param", "limit=-1", "--format", "ndjson"])
        XCTAssertEqual(invalid.status, 65)
        XCTAssertEqual(invalid.json?["meta"]?["backend"], .string("mock"))
    }

    func testParameterSources_LaterOverridesEarlier() async throws {
        let directory = TemporaryDirectory()
        directory.write("params.json", #"{"message": "from-file"}"#)
        let cases: [([String], String, String)] = [
            (["--params-file", directory.path + "/params.json"], "", "from-file"),
            (["--params-file", directory.path + "/params.json", "--param", "message=cli"], "", "cli"),
            (["--param", "message=cli", "--params-json", #"{"message": "json"}"#], "", "json"),
            (["--params-file", "-"], #"{"message": "stdin"}"#, "stdin"),
        ]
        for (flags, stdin, expected) in cases {
            let result = await runCLI(["run", "example/echo"] + flags, stdin: stdin)
            XCTAssertEqual(result.json?["data"]?["message"], .string(expected), "\(flags)")
        }
    }

    func testExitStatuses_OnePerErrorClass() async {
        let cases: [([String], Int32, String)] = [
            (["frob"], 64, "USAGE_ERROR"),
            (["run", "inventory/status", "--param", "sku=lower"], 65, "INVALID_PARAMETER"),
            (["run", "no/such"], 66, "NOT_FOUND"),
            (["query", "SELECT * FROM nowhere"], 66, "NOT_FOUND"),
            (["query", "SELECT 1/0"], 67, "SQL_ERROR"),
            (["run", "example/echo", "--root", "/nonexistent"], 78, "CONFIGURATION_ERROR"),
            (["run", "example/echo", "--backend", "databricks"], 78, "CONFIGURATION_ERROR"),
            (["run", "inventory/status", "--param", "sku:string=A"], 65, "INVALID_PARAMETER"),
            (["run", "example/echo", "--params-json", "[1]"], 65, "INVALID_PARAMETER"),
        ]
        for (arguments, status, code) in cases {
            let result = await runCLI(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.json?["error"]?["code"], .string(code), "\(arguments)")
            XCTAssertTrue(result.stderr.hasPrefix("Error: "), "\(arguments)")
        }
    }

    func testQuery_TypedParametersAndSparkNames() async {
        let result = await runCLI([
            "query", "SELECT :d + 1 AS next, :n * 2, :s, :flag", "--param", "d:date=2024-02-28", "--param", "n:int=21",
            "--param", "s=x", "--params-json", #"{"flag": true}"#,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            JSONWriter().string(result.json?["data"] ?? .null),
            #"{"columns":[{"name":"next","type":"DATE"},{"name":"(21 * 2)","type":"INT"},{"name":"x","type":"STRING"},{"name":"true","type":"BOOLEAN"}],"rows":[["2024-02-29",42,"x",true]]}"#
        )
    }

    /// Repro 13: NaN and the infinities are told apart from NULL, as Databricks writes them.
    func testQuery_NonFiniteDoubles_AreNotNull() async {
        let sql =
            "SELECT CAST('NaN' AS DOUBLE) AS n, CAST('Infinity' AS DOUBLE) AS p, -CAST('Infinity' AS DOUBLE) AS m, CAST(NULL AS DOUBLE) AS z"
        let json = await runCLI(["query", sql])
        XCTAssertEqual(JSONWriter().string(json.json?["data"]?["rows"] ?? .null), #"[["NaN","Infinity","-Infinity",null]]"#)
        let csv = await runCLI(["query", sql, "--format", "csv"])
        XCTAssertEqual(csv.stdout, "n,p,m,z\r\nNaN,Infinity,-Infinity,\r\n")
        let mapped = await runCLI(["query", "SELECT CAST('NaN' AS DOUBLE) AS n", "--format", "ndjson"])
        XCTAssertEqual(mapped.stdout, #"{"n":"NaN"}"# + "\n")
    }

    /// Intervals are written as Spark's CAST to STRING (as a warehouse's INTERVAL column is decoded), in every format.
    func testQuery_Intervals_WrittenInSparksANSIForm() async {
        let sql = "SELECT INTERVAL '1-2' YEAR TO MONTH AS ym, DATE '2024-03-01' - DATE '2024-01-01' AS d, INTERVAL 90 MINUTES AS m"
        let json = await runCLI(["query", sql])
        XCTAssertEqual(
            JSONWriter().string(json.json?["data"] ?? .null),
            #"{"columns":[{"name":"ym","type":"INTERVAL YEAR TO MONTH"},{"name":"d","type":"INTERVAL DAY"},"#
                + #"{"name":"m","type":"INTERVAL MINUTE"}],"rows":[["INTERVAL '1-2' YEAR TO MONTH","INTERVAL '60' DAY","INTERVAL '90' MINUTE"]]}"#
        )
        let csv = await runCLI(["query", sql, "--format", "csv"])
        XCTAssertEqual(csv.stdout, "ym,d,m\r\nINTERVAL '1-2' YEAR TO MONTH,INTERVAL '60' DAY,INTERVAL '90' MINUTE\r\n")
        let ndjson = await runCLI(["query", sql, "--format", "ndjson"])
        XCTAssertEqual(ndjson.stdout, #"{"ym":"INTERVAL '1-2' YEAR TO MONTH","d":"INTERVAL '60' DAY","m":"INTERVAL '90' MINUTE"}"# + "\n")
    }

    func testRender_PlainTextAndJSON() async {
        let text = await runCLI(["render", "customers/orders", "--param", "customer_ids=[3, 1]", "--param", "statuses=shipped"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.hasPrefix("-- query: customers/profiles\nSELECT customer_id"), text.stdout)
        XCTAssertTrue(text.stdout.contains("WHERE customer_id IN (3L, 1L)\n  AND status IN ('shipped')"), text.stdout)
        let json = await runCLI(["render", "example/echo", "--param", "message=it's", "--format", "json"])
        XCTAssertEqual(
            json.json?["data"],
            .object(
                JSONObject([
                    (
                        "queries",
                        .array([
                            .object(
                                JSONObject([
                                    ("name", .string("examples/echo")),
                                    ("sql", .string("SELECT 'it\\'s' AS message, current_timestamp() AS timestamp\n")),
                                ]))
                        ])
                    )
                ])))
        XCTAssertEqual(json.json?.object?.keys, ["status", "data", "meta"], "the README's documented shape")
        XCTAssertEqual(json.json?["status"], .string("success"))
        XCTAssertEqual(json.json?["meta"]?.object?.keys.sorted(), ["correlation_id", "operation"])
        XCTAssertEqual(json.json?["meta"]?["operation"], .string("example/echo"))
    }

    func testDescribeListValidate() async {
        let describe = await runCLI(["describe", "inventory/status"])
        XCTAssertEqual(
            describe.json?["data"]?["params"]?.array?.map { $0["name"] }, [.string("sku"), .string("min_qty"), .string("countries")])
        XCTAssertEqual(describe.json?["data"]?["params"]?.array?[1]["expected"], .string("an integer ≥ 0"))
        let list = await runCLI(["list"])
        XCTAssertEqual(list.json?["data"]?["operations"]?.array?.count, 7)
        let validate = await runCLI(["validate"])
        XCTAssertEqual(validate.status, 0)
        XCTAssertEqual(validate.json?["data"]?["valid"], .bool(true))
    }

    func testHelpAndVersion() async {
        let help = await runCLI(["run", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("USAGE: dbapi run OP"))
        XCTAssertTrue(help.stdout.contains("OPTIONS:\n"))
        XCTAssertTrue(help.stdout.contains("--params-file FILE"))
        let main = await runCLI(["--help"])
        XCTAssertTrue(main.stdout.contains("SUBCOMMANDS:"))
        let version = await runCLI(["--version"])
        XCTAssertEqual(version.stdout, "dbapi \(DBAPICommandLine.version)\n")
    }
}
