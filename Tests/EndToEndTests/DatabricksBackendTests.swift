import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// The Databricks backend against a real local HTTP server imitating the Statement Execution API.
final class DatabricksBackendTests: XCTestCase {
    private var server: FakeDatabricksServer!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
    }

    override func tearDown() { server = nil }

    private func dbapi(_ arguments: [String], environment extra: [String: String] = [:]) async -> CLIResult {
        var environment = server.environment
        for (key, value) in extra { environment[key] = value }
        return await runCLI(arguments + ["--backend", "databricks"], environment: environment)
    }

    private func data(_ result: CLIResult) -> String { JSONWriter().string(result.json?["data"] ?? .null) }

    func testSampleOperations_MatchTheMockBackend() async throws {
        let operations: [[String]] = [
            ["run", "inventory/status", "--param", "sku=KIT-1001"],
            ["run", "inventory/status", "--param", "sku=KIT-1001", "--param", "countries=DE,BR"],
            ["run", "inventory/low-stock", "--param", "limit=4", "--param", "offset=2"],
            ["run", "sales/daily-revenue", "--param", "start_date=2024-03-01", "--param", "end_date=2024-03-05"],
            ["run", "sales/top-products", "--param", "top_n=3"],
            ["run", "customers/orders", "--param", "customer_ids=3,1"],
            ["run", "example/echo", "--param", "message=it's a \"test\" ${x} \\"],
        ]
        for arguments in operations {
            let remote = await dbapi(arguments)
            let local = await runCLI(arguments)
            XCTAssertEqual(remote.status, 0, "\(arguments): \(remote.stderr)")
            XCTAssertEqual(data(remote), data(local), "\(arguments)")
            XCTAssertEqual(remote.json?["meta"]?["backend"], .string("databricks"))
            XCTAssertEqual(remote.json?["meta"]?["warehouse_id"], .string("wh-test"))
        }
        let page = await dbapi(["run", "inventory/low-stock", "--param", "limit=4"])
        XCTAssertEqual(page.json?["meta"]?["pagination"]?["has_more"], .bool(true))
    }

    func testParameters_AreSentNativelyWithTypes() async throws {
        let result = await dbapi(["run", "customers/orders", "--param", "customer_ids=7,8", "--param", "statuses=shipped"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let executes = try server.requests().filter { $0["method"] == .string("POST") && $0["path"] == .string("/api/2.0/sql/statements") }
        XCTAssertEqual(executes.count, 2)
        let body = try JSONParser.parse(executes[1]["body"]?.string ?? "")
        XCTAssertTrue(body["statement"]?.string?.contains("WHERE customer_id IN (:ids_0, :ids_1)\n  AND status IN (:statuses_0)") == true)
        XCTAssertEqual(
            JSONWriter().string(body["parameters"] ?? .null),
            #"[{"name":"ids_0","value":"7","type":"BIGINT"},{"name":"ids_1","value":"8","type":"BIGINT"},{"name":"statuses_0","value":"shipped","type":"STRING"}]"#
        )
        XCTAssertEqual(body["warehouse_id"], .string("wh-test"))
        XCTAssertEqual(body["wait_timeout"], .string("10s"))
        XCTAssertEqual(body["query_tags"]?.array?.last?["key"], .string("dbapi_correlation_id"))
        XCTAssertEqual(executes[1]["authorization"], .string("Bearer dapi-test-token"))
        XCTAssertEqual(executes[1]["user_agent"]?.string?.hasPrefix("dbapi/0.1.0 "), true)
        let empty = await dbapi(["query", "SELECT :s AS s, :n AS n", "--params-json", #"{"s": "", "n:integer": null}"#])
        XCTAssertEqual(data(empty), #"{"columns":[{"name":"s","type":"STRING"},{"name":"n","type":"BIGINT"}],"rows":[["",null]]}"#)
        let last = try JSONParser.parse(try server.requests().last { $0["method"] == .string("POST") }?["body"]?.string ?? "")
        XCTAssertEqual(
            JSONWriter().string(last["parameters"] ?? .null), #"[{"name":"s","value":"","type":"STRING"},{"name":"n","type":"BIGINT"}]"#)
    }

    /// Repro 12: `:ids` expands to names that do not capture the separate parameter `ids_0`.
    func testArrayElementNames_DoNotCaptureAnotherParameter() async throws {
        let result = await dbapi(["query", "SELECT :ids_0 AS single, :ids AS list", "--params-json", #"{"ids": [10, 20], "ids_0": 99}"#])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"], .array([.array([.int(99), .array([.int(10), .int(20)])])]))
        let execute = try XCTUnwrap(try server.requests().last { $0["path"] == .string("/api/2.0/sql/statements") })
        let body = try JSONParser.parse(execute["body"]?.string ?? "")
        XCTAssertEqual(body["statement"], .string("SELECT :ids_0 AS single, array(:ids__0, :ids__1) AS list"))
        XCTAssertEqual(
            JSONWriter().string(body["parameters"] ?? .null),
            #"[{"name":"ids_0","value":"99","type":"BIGINT"},{"name":"ids__0","value":"10","type":"BIGINT"},{"name":"ids__1","value":"20","type":"BIGINT"}]"#
        )
    }

    func testAsyncPollingAndManyChunks_DeliverEveryRowInOrder() async throws {
        try server.control(#"{"pending_polls": 3, "chunk_rows": 7}"#)
        let result = await dbapi([
            "query", "SELECT order_id, unit_price, order_date FROM retail.orders WHERE order_id <= 100100 ORDER BY order_id",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.json?["data"]?["rows"]?.array ?? []
        XCTAssertEqual(rows.count, 100)
        XCTAssertEqual(rows.first?.array?.first, .int(100001))
        XCTAssertEqual(rows.map { $0.array?.first }, (100001...100100).map { .int(Int64($0)) })
        XCTAssertEqual(rows.first?.array?[1], .number("298.95"))
        let requests = try server.requests()
        XCTAssertEqual(requests.filter { ($0["path"]?.string ?? "").contains("/result/chunks/") }.count, 14)
        XCTAssertEqual(requests.filter { ($0["path"]?.string ?? "").hasSuffix("/result/chunks/1") }.count, 1, "each chunk fetched once")
        XCTAssertGreaterThanOrEqual(
            requests.filter { $0["method"] == .string("GET") && !($0["path"]?.string ?? "").contains("chunks") }.count, 3)
    }

    func testEveryType_IsDecoded() async throws {
        let result = await dbapi([
            "query",
            "SELECT 1Y AS b, 2S AS s, 3 AS i, 4L AS l, 1.5D AS d, 12.345 AS dec, TRUE AS t, 'x' AS str, DATE '2024-02-29' AS dt, TIMESTAMP '2024-01-31 10:00:00.5' AS ts, array(1, 2) AS arr, CAST(NULL AS INT) AS n",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            data(result),
            #"{"columns":[{"name":"b","type":"TINYINT"},{"name":"s","type":"SMALLINT"},{"name":"i","type":"INT"},{"name":"l","type":"BIGINT"},{"name":"d","type":"DOUBLE"},{"name":"dec","type":"DECIMAL(5,3)"},{"name":"t","type":"BOOLEAN"},{"name":"str","type":"STRING"},{"name":"dt","type":"DATE"},{"name":"ts","type":"TIMESTAMP"},{"name":"arr","type":"ARRAY<INT>"},{"name":"n","type":"INT"}],"rows":[[1,2,3,4,1.5,12.345,true,"x","2024-02-29","2024-01-31T10:00:00.5Z",[1,2],null]]}"#
        )
    }

    func testMapAndStruct_AreParsedFromTheirJSONText() async throws {
        try server.control(
            #"{"rows_override": {"columns": [{"name": "m", "type": "MAP<STRING,INT>"}, {"name": "s", "type": "STRUCT<id: BIGINT, price: DECIMAL(10,2), tags: ARRAY<STRING>>"}, {"name": "a", "type": "ARRAY<STRUCT<k: STRING>>"}], "rows": [[{"b": 1, "a": 2}, {"id": 7, "price": 1.5, "tags": ["x", "y"]}, [{"k": "v"}]], [null, null, null]]}}"#
        )
        let result = await dbapi(["query", "SELECT m, s, a FROM t"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            data(result),
            #"{"columns":[{"name":"m","type":"MAP<STRING, INT>"},{"name":"s","type":"STRUCT<id: BIGINT, price: DECIMAL(10,2), tags: ARRAY<STRING>>"},{"name":"a","type":"ARRAY<STRUCT<k: STRING>>"}],"rows":[[{"b":1,"a":2},{"id":7,"price":1.50,"tags":["x","y"]},[{"k":"v"}]],[null,null,null]]}"#
        )
        let streamed = await dbapi(["query", "SELECT m, s, a FROM t", "--format", "ndjson"])
        XCTAssertEqual(
            streamed.stdout,
            #"{"m":{"b":1,"a":2},"s":{"id":7,"price":1.50,"tags":["x","y"]},"a":[{"k":"v"}]}"# + "\n" + #"{"m":null,"s":null,"a":null}"#
                + "\n")
    }

    /// One form for nested values on both backends: what the mock prints for ARRAY, MAP and STRUCT values
    /// is what the Databricks backend prints for a warehouse's JSON text of the same values, in every format.
    func testNestedValues_PrintTheSameOnBothBackends() async throws {
        let query =
            "SELECT named_struct('id', 7L, 'price', CAST(1.5 AS DECIMAL(10,2)), 'day', DATE '2024-01-05', 'tags', array('x', NULL)) AS s, "
            + "map(2, TIMESTAMP '2024-01-01 10:00:00', 1, NULL) AS m, array(array(1.5D, CAST('NaN' AS DOUBLE)), array()) AS a"
        // The cells as a warehouse writes them: JSON text, leaves as numbers or strings, keys as text.
        try server.control(
            #"{"rows_override": {"columns": [{"name": "s", "type": "STRUCT<id: BIGINT, price: DECIMAL(10,2), day: DATE, tags: ARRAY<STRING>>"}, {"name": "m", "type": "MAP<INT, TIMESTAMP>"}, {"name": "a", "type": "ARRAY<ARRAY<DOUBLE>>"}], "rows": [["{\"id\":7,\"price\":1.5,\"day\":\"2024-01-05\",\"tags\":[\"x\",null]}", "{\"2\":\"2024-01-01T10:00:00.000Z\",\"1\":null}", "[[1.5,\"NaN\"],[]]"]]}}"#
        )
        for format in ["json", "ndjson", "csv"] {
            let local = await runCLI(["query", query, "--format", format])
            let remote = await dbapi(["query", query, "--format", format])
            XCTAssertEqual(local.status, 0, local.stderr)
            XCTAssertEqual(remote.status, 0, remote.stderr)
            if format == "json" {
                XCTAssertEqual(data(remote), data(local))
                XCTAssertEqual(
                    data(local),
                    #"{"columns":[{"name":"s","type":"STRUCT<id: BIGINT, price: DECIMAL(10,2), day: DATE, tags: ARRAY<STRING>>"},{"name":"m","type":"MAP<INT, TIMESTAMP>"},{"name":"a","type":"ARRAY<ARRAY<DOUBLE>>"}],"rows":[[{"id":7,"price":1.50,"day":"2024-01-05","tags":["x",null]},{"2":"2024-01-01T10:00:00Z","1":null},[[1.5,"NaN"],[]]]]}"#
                )
            } else {
                XCTAssertEqual(remote.stdout, local.stdout, format)
            }
        }
        let csv = await runCLI(["query", query, "--format", "csv"])
        XCTAssertEqual(
            csv.stdout,
            "s,m,a\r\n"
                + #""{""id"":7,""price"":1.50,""day"":""2024-01-05"",""tags"":[""x"",null]}","{""2"":""2024-01-01T10:00:00Z"",""1"":null}","[[1.5,""NaN""],[]]""#
                + "\r\n")
    }

    func testTerminalStates_FailedCanceledClosed() async throws {
        let cases: [(String, Int32, String, String)] = [
            (
                #"{"state": "FAILED", "error_code": "BAD_REQUEST", "sql_state": "42601", "message": "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"}"#,
                67, "SQL_ERROR", "(BAD_REQUEST, SQLSTATE 42601): [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'"
            ),
            (
                #"{"state": "FAILED", "error_code": "TEMPORARILY_UNAVAILABLE", "message": "warehouse starting"}"#, 69, "UNAVAILABLE",
                "(TEMPORARILY_UNAVAILABLE): warehouse starting"
            ),
            (#"{"state": "CANCELED"}"#, 130, "CANCELED", "was canceled"),
            (#"{"state": "CLOSED"}"#, 66, "NOT_FOUND", "is closed: its result is no longer available"),
        ]
        for (mode, status, code, message) in cases {
            try server.reset()
            try server.control(mode)
            let result = await dbapi(["query", "SELECT 1"])
            XCTAssertEqual(result.status, status, mode)
            XCTAssertEqual(result.json?["error"]?["code"], .string(code), mode)
            XCTAssertTrue(result.json?["error"]?["message"]?.string?.contains(message) == true, "\(mode): \(result.stderr)")
            XCTAssertNotNil(result.json?["error"]?["details"]?["statement_id"]?.string)
            if code == "SQL_ERROR" {
                XCTAssertEqual(result.json?["error"]?["details"]?["error_class"], .string("PARSE_SYNTAX_ERROR"))
                XCTAssertEqual(result.json?["error"]?["details"]?["sql_state"], .string("42601"))
            }
        }
    }

    func testAuthenticationFailures_BothErrorShapes() async throws {
        for shape in ["numeric", "named"] {
            try server.control(#"{"auth_error_shape": "\#(shape)"}"#)
            let result = await dbapi(["query", "SELECT 1"], environment: ["DATABRICKS_TOKEN": "dapi-wrong"])
            XCTAssertEqual(result.status, 73, shape)
            XCTAssertEqual(result.json?["error"]?["code"], .string("AUTHENTICATION_FAILED"), shape)
            XCTAssertFalse(result.stdout.contains("dapi-wrong") || result.stderr.contains("dapi-wrong"), "the token must never be printed")
        }
        try server.control(
            #"{"http_errors": [{"path": "statements", "status": 403, "body": {"error_code": 403, "message": "Invalid access token."}}]}"#)
        let forbidden = await dbapi(["query", "SELECT 1"])
        XCTAssertEqual(forbidden.status, 77)
        XCTAssertEqual(
            forbidden.json?["error"]?["message"],
            .string("POST /api/2.0/sql/statements failed with HTTP 403 PERMISSION_DENIED: Invalid access token."))
    }

    func testRetries_429WithRetryAfter_503_AndConnectionResets() async throws {
        try server.control(
            #"{"http_errors": [{"path": "statements", "method": "POST", "status": 429, "retry_after": 1, "times": 1}, {"path": "statements", "method": "POST", "status": 503, "times": 1}], "pending_polls": 2, "reset_polls": 1}"#
        )
        let result = await dbapi(["query", "SELECT 42 AS answer"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"], .array([.array([.int(42)])]))
        guard case .int(let attempts)? = result.json?["meta"]?["http_attempts"] else { return XCTFail("no http_attempts in meta") }
        // 2 refused POSTs, the accepted one, then polls; the dropped connection is survived (URLSession
        // itself may re-send an idempotent GET on a reused connection, so it is not always counted).
        XCTAssertGreaterThanOrEqual(attempts, 5)
        XCTAssertEqual(
            try server.requests().filter { $0["method"] == .string("POST") && $0["path"] == .string("/api/2.0/sql/statements") }.count, 3)
        try server.control(#"{"http_errors": [{"path": "statements", "method": "POST", "status": 500, "times": 1}], "reset_polls": 0}"#)
        let notRetried = await dbapi(["query", "SELECT 1"])
        XCTAssertEqual(notRetried.status, 69, "an execute POST is not re-sent after a 500: it may have run")
        XCTAssertEqual(notRetried.json?["error"]?["details"]?["attempts"], .int(1))
    }

    func testTimeout_CancelsTheStatementOnTheServer() async throws {
        try server.control(#"{"never_finish": true}"#)
        let result = await dbapi(["query", "SELECT 1", "--timeout", "0.5"])
        XCTAssertEqual(result.status, 72)
        XCTAssertEqual(result.json?["error"]?["code"], .string("TIMEOUT"))
        XCTAssertTrue(result.json?["error"]?["message"]?.string?.contains("was canceled on the warehouse") == true)
        XCTAssertEqual(try server.requests().filter { ($0["path"]?.string ?? "").hasSuffix("/cancel") }.count, 1)
    }

    func testExternalLinks_AreDownloadedWithoutAuthorizationAndRefreshedWhenExpired() async throws {
        try server.control(#"{"chunk_rows": 40, "expire_links": 1}"#)
        let result = await dbapi([
            "query", "SELECT order_id FROM retail.orders ORDER BY order_id LIMIT 100", "--disposition", "EXTERNAL_LINKS",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"]?.array?.count, 100)
        let downloads = try server.requests().filter { ($0["path"]?.string ?? "").hasPrefix("/__external/") }
        XCTAssertEqual(downloads.count, 4, "3 chunks + 1 retry after the expired link")
        XCTAssertTrue(downloads.allSatisfy { $0["authorization"] == .null }, "no workspace credential may reach storage")
    }

    func testOAuthM2M_TokenIsCachedAndRefreshed() async throws {
        let oauth = ["DATABRICKS_TOKEN": "", "DATABRICKS_CLIENT_ID": "test-client", "DATABRICKS_CLIENT_SECRET": "test-secret"]
        try server.control(#"{"pending_polls": 2}"#)
        let cached = await dbapi(["query", "SELECT 1"], environment: oauth)
        XCTAssertEqual(cached.status, 0, cached.stderr)
        XCTAssertEqual(try server.tokensIssued(), 1, "one token for the execute and both polls")
        try server.control(#"{"oauth_expires_in": 30}"#)
        let refreshed = await dbapi(["query", "SELECT 1"], environment: oauth)
        XCTAssertEqual(refreshed.status, 0, refreshed.stderr)
        XCTAssertEqual(try server.tokensIssued(), 4, "a token that expires within 40 s is refreshed before each call (execute, 2 polls)")
        let wrong = await dbapi(["query", "SELECT 1"], environment: oauth.merging(["DATABRICKS_CLIENT_SECRET": "nope"]) { $1 })
        XCTAssertEqual(wrong.status, 73)
        XCTAssertTrue(wrong.json?["error"]?["message"]?.string?.contains("Client authentication failed") == true)
        XCTAssertFalse(wrong.stdout.contains("nope"))
    }

    func testProfiles_ResolveFromTheConfigFile() async throws {
        let home = TemporaryDirectory()
        home.write(
            ".databrickscfg",
            """
            [DEFAULT]
            host = https://unused.example.com
            token = dapi-unused

            [local]
            host = \(server.host)
            token = dapi-test-token
            warehouse_id = wh-profile
            """)
        let environment = ["DATABRICKS_HOST": "", "DATABRICKS_TOKEN": "", "DATABRICKS_WAREHOUSE_ID": "", "HOME": home.path]
        let result = await runCLI(["query", "SELECT 1 AS one", "--backend", "databricks", "--profile", "local"], environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["meta"]?["warehouse_id"], .string("wh-profile"))
        let missing = await runCLI(["query", "SELECT 1", "--backend", "databricks", "--profile", "nope"], environment: environment)
        XCTAssertEqual(missing.status, 78)
        XCTAssertEqual(
            missing.json?["error"]?["message"], .string("profile 'nope' is not in \(home.path)/.databrickscfg (settings from nothing else)")
        )
    }

    func testStreamedNDJSON_AllChunksInOrder() async throws {
        for disposition in ["INLINE", "EXTERNAL_LINKS"] {
            try server.reset()
            try server.control(#"{"synthetic": {"rows": 2000, "chunks": 8}}"#)
            let result = await dbapi(["query", "SELECT * FROM big", "--format", "ndjson", "--disposition", disposition])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n")
            XCTAssertEqual(lines.count, 2000, disposition)
            let ids = lines.compactMap { try? JSONParser.parse(String($0))["id"] }
            XCTAssertEqual(ids, (0..<2000).map { .int(Int64($0)) }, disposition)
            XCTAssertEqual(
                lines.first.map(String.init),
                #"{"id":0,"name":"name-0","amount":0.00,"day":"2024-01-01","ts":"2024-01-01T00:00:00Z","flag":false,"score":null}"#)
        }
    }

    func testChunks_FetchedInParallelWithinTheBound() async throws {
        // Three chunks ahead with INLINE; six with EXTERNAL_LINKS, whose chunks take two requests each.
        for (disposition, bound) in [("INLINE", 3), ("EXTERNAL_LINKS", 6)] {
            try server.reset()
            try server.control(#"{"synthetic": {"rows": 1300, "chunks": 13}, "chunk_delay": 0.1}"#)
            let result = await dbapi(["query", "SELECT * FROM big", "--format", "ndjson", "--disposition", disposition])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout.split(separator: "\n").count, 1300, disposition)
            let concurrent = try server.maxChunksInFlight()
            XCTAssertGreaterThan(concurrent, 1, "\(disposition): chunks are fetched in parallel")
            XCTAssertLessThanOrEqual(concurrent, Int64(bound), "\(disposition): at most \(bound) chunks in flight")
        }
    }

    func testInlineLimit_FallsBackToExternalLinksUnlessDispositionIsExplicit() async throws {
        try server.control(#"{"inline_byte_limit": 2000, "chunk_rows": 40}"#)
        let sql = "SELECT order_id FROM retail.orders ORDER BY order_id LIMIT 300"
        let result = await dbapi(["query", sql])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"]?.array?.map { $0.array?.first }, (100001...100300).map { .int(Int64($0)) })
        XCTAssertEqual(result.json?["meta"]?["disposition"], .string("EXTERNAL_LINKS"))
        XCTAssertEqual(
            result.json?["meta"]?["disposition_fallback"], .string("INLINE result over the 25 MiB limit; ran again with EXTERNAL_LINKS"))
        XCTAssertEqual(result.json?["meta"]?["statement_ids"]?.array?.count, 2)
        let executes = try server.requests().filter { $0["method"] == .string("POST") && $0["path"] == .string("/api/2.0/sql/statements") }
        XCTAssertEqual(
            try executes.map { try JSONParser.parse($0["body"]?.string ?? "")["disposition"] },
            [.string("INLINE"), .string("EXTERNAL_LINKS")])

        let small = await dbapi(["query", "SELECT 1 AS one"])
        XCTAssertEqual(small.json?["meta"]?["disposition"], .string("INLINE"))
        XCTAssertNil(small.json?["meta"]?["disposition_fallback"])

        let explicit = await dbapi(["query", sql, "--disposition", "INLINE"])
        XCTAssertEqual(explicit.status, 67)
        XCTAssertEqual(explicit.json?["error"]?["details"]?["error_code"], .string("BAD_REQUEST"))
        XCTAssertTrue(explicit.json?["error"]?["message"]?.string?.contains("Inline byte limit exceeded") == true)
    }

    func testRunStreamed_ChunksUpToTheLimitAndFailuresNameTheQuery() async throws {
        try server.control(#"{"chunk_rows": 2}"#)
        let arguments = ["run", "inventory/low-stock", "--param", "limit=3"]
        let collected = await dbapi(arguments)
        let table = try XCTUnwrap(collected.json?["data"]?.object?.members.first?.value.array)
        let streamed = await dbapi(arguments + ["--format", "ndjson"])
        XCTAssertEqual(streamed.status, 0, streamed.stderr)
        XCTAssertEqual(streamed.stdout, table.map { JSONWriter().string($0) + "\n" }.joined())
        XCTAssertEqual(table.count, 3)
        try server.control(#"{"state": "FAILED", "error_code": "BAD_REQUEST", "message": "boom"}"#)
        let failed = await dbapi(arguments + ["--format", "ndjson"])
        XCTAssertEqual(failed.status, 67)
        XCTAssertEqual(failed.json?["error"]?["details"]?["query"], .string("inventory/low_stock"))
        XCTAssertEqual(failed.json?["meta"]?["operation"], .string("inventory/low-stock"))
    }

    func testRowLimit_TruncationIsReported() async throws {
        let result = await dbapi(["query", "SELECT order_id FROM retail.orders", "--row-limit", "5"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.json?["data"]?["rows"]?.array?.count, 5)
        XCTAssertEqual(result.json?["meta"]?["truncated"], .bool(true))
    }
}

/// Signals reach the real process only, so this runs the built binary.
final class DatabricksSignalTests: XCTestCase {
    /// The binary running `query SELECT 1` against `server`, its stdout and stderr pipes.
    private func startQuery(_ server: FakeDatabricksServer) throws -> (process: Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = ["query", "SELECT 1", "--backend", "databricks"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in server.environment { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Waits (up to 10 s) until the server has received `count` requests that `matches` accepts (it
    /// also records the test's own /__requests calls, so match precisely).
    private func waitForRequests(_ server: FakeDatabricksServer, count: Int, _ matches: (JSONValue) -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try server.requests().filter(matches).count < count {
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    private func isExecute(_ request: JSONValue) -> Bool {
        request["method"] == .string("POST") && request["path"] == .string("/api/2.0/sql/statements")
    }

    func testSIGINT_CancelsTheRunningStatementAndExits130() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        let server = try FakeDatabricksServer()
        try server.control(#"{"never_finish": true}"#)
        for (signal, status): (Int32, Int32) in [(SIGINT, 130), (SIGTERM, 143)] {
            let (process, out, _) = try startQuery(server)
            // Wait until the statement was submitted and is being polled.
            try waitForRequests(server, count: 2) {
                $0["method"] == .string("GET") && ($0["path"]?.string ?? "").hasPrefix("/api/2.0/sql/statements/")
            }
            kill(process.processIdentifier, signal)
            let output = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, status)
            let envelope = try JSONParser.parse(bytes: [UInt8](output))
            XCTAssertEqual(envelope["error"]?["code"], .string("CANCELED"))
            XCTAssertGreaterThanOrEqual(try server.requests().filter { ($0["path"]?.string ?? "").hasSuffix("/cancel") }.count, 1)
            try server.reset()
            try server.control(#"{"never_finish": true}"#)
        }
    }

    func testSIGINT_WhileTheExecuteRequestWaits_CancelsTheStatementOnceItsIdArrives() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        let server = try FakeDatabricksServer()
        try server.control(#"{"never_finish": true, "execute_delay": 1.5}"#)
        let (process, out, err) = try startQuery(server)
        try waitForRequests(server, count: 1, isExecute)
        Thread.sleep(forTimeInterval: 0.2)  // the statement is accepted; its answer is held back
        kill(process.processIdentifier, SIGINT)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let envelope = try JSONParser.parse(bytes: [UInt8](output))
        XCTAssertEqual(envelope["error"]?["code"], .string("CANCELED"))
        let id = try XCTUnwrap(envelope["meta"]?["statement_ids"]?.array?.first?.string)
        let cancels = try server.requests().filter { $0["path"] == .string("/api/2.0/sql/statements/\(id)/cancel") }
        XCTAssertEqual(cancels.count, 1, "the statement accepted before the signal is canceled")
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(stderr.contains("SIGINT: waiting up to 15 s for the warehouse to return the statement id"), stderr)
    }

    func testSecondSIGINT_ExitsWithoutWaitingForTheStatementId() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        let server = try FakeDatabricksServer()
        try server.control(#"{"never_finish": true, "execute_delay": 8}"#)
        let (process, out, _) = try startQuery(server)
        try waitForRequests(server, count: 1, isExecute)
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGINT)
        Thread.sleep(forTimeInterval: 0.3)
        let signalled = Date()
        kill(process.processIdentifier, SIGINT)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertLessThan(Date().timeIntervalSince(signalled), 5, "did not wait for the held-back answer")
        let envelope = try JSONParser.parse(bytes: [UInt8](output))
        XCTAssertEqual(envelope["error"]?["code"], .string("CANCELED"))
        XCTAssertEqual(envelope["meta"]?["statement_ids"], .array([]))
    }
}

/// libcurl is loaded only when the Databricks backend runs (CCurlLoader), so the binary starts without it.
final class CurlLoadingTests: XCTestCase {
    func testMissingLibcurl_IsAConfigurationErrorAndTheMockBackendDoesNotNeedIt() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        let missing: [String: String?] = ["DBAPI_LIBCURL": "/nonexistent/libcurl.so.4"]
        let mock = try runProcess(Fixtures.binary, ["run", "inventory/status", "--param", "sku=KIT-1001"], environment: missing)
        XCTAssertEqual(mock.status, 0, mock.stderr)
        let remote = try runProcess(
            Fixtures.binary, ["query", "SELECT 1", "--backend", "databricks"],
            environment: missing.merging([
                "DATABRICKS_HOST": "http://127.0.0.1:9", "DATABRICKS_TOKEN": "dapi-x", "DATABRICKS_WAREHOUSE_ID": "w",
            ]) { $1 })
        XCTAssertEqual(remote.status, 78)
        XCTAssertEqual(
            remote.json?["error"]?["message"],
            .string(
                "the databricks backend needs libcurl: DBAPI_LIBCURL names a library that cannot be loaded (settings from DBAPI_LIBCURL=/nonexistent/libcurl.so.4)"
            ))
        XCTAssertEqual(remote.json?["error"]?["retryable"], .bool(false))
    }
}
