import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// How `StatementRunner` waits for a statement, on a manual clock: the poll intervals, the
/// timeout that cancels, a cancelled task that cancels, and the INLINE-limit fallback.
final class StatementRunnerTests: XCTestCase {
    private static let statementsPath = "/api/2.0/sql/statements"
    private static let statement = BoundStatement(name: "q", inlinedSQL: "SELECT 1", nativeSQL: "SELECT 1", parameters: [])
    private static let running = #"{"statement_id": "s1", "status": {"state": "RUNNING"}}"#
    private static let succeeded = """
        {"statement_id": "s1", "status": {"state": "SUCCEEDED"},
         "manifest": {"format": "JSON_ARRAY", "schema": {"column_count": 1, "columns": [{"name": "n", "type_name": "INT", "type_text": "INT"}]},
                      "total_chunk_count": 1, "total_row_count": 1},
         "result": {"chunk_index": 0, "row_offset": 0, "row_count": 1, "data_array": [["1"]]}}
        """

    private func backend(_ transport: ScriptedTransport, clock: ManualClock, options: StatementOptions = StatementOptions()) throws
        -> DatabricksBackend
    {
        let config = try DatabricksConfig.resolve(
            DatabricksSettings(),
            environment: ["DATABRICKS_HOST": "https://dbc-1.example.com", "DATABRICKS_TOKEN": "dapi-unit", "DATABRICKS_WAREHOUSE_ID": "w"],
            homeDirectory: "/nonexistent")
        return DatabricksBackend(config: config, options: options, version: "test", transport: transport, clock: clock)
    }

    /// A warehouse whose statement `s1` is PENDING when submitted and answers its `polls`-th status
    /// request (counting from 1) and later ones with `finalBody`, earlier ones with RUNNING; each
    /// request takes `latency` seconds on `clock`; a cancel request is acknowledged.
    private func warehouse(clock: ManualClock, latency: Double = 0, polls: Int = .max, finalBody: String = succeeded) -> ScriptedTransport {
        let statusRequests = LockedBox(0)
        return ScriptedTransport { request in
            clock.advance(by: latency)
            switch (request.method, request.url.path) {
            case ("POST", Self.statementsPath): return .json(200, #"{"statement_id": "s1", "status": {"state": "PENDING"}}"#)
            case ("GET", Self.statementsPath + "/s1"):
                let count = statusRequests.withLock { count in
                    count += 1
                    return count
                }
                return .json(200, count >= polls ? finalBody : Self.running)
            case ("POST", Self.statementsPath + "/s1/cancel"): return .json(200, "{}")
            default: return .json(404, #"{"error_code": "NOT_FOUND", "message": "no such path"}"#)
            }
        }
    }

    /// The clock's sleeps are `expected`, each to 1e-12 s (products of 1.5 are not exact in binary).
    private func assertSleeps(_ clock: ManualClock, _ expected: [Double], file: StaticString = #filePath, line: UInt = #line) {
        let sleeps = clock.sleeps
        XCTAssertEqual(sleeps.count, expected.count, "\(sleeps)", file: file, line: line)
        for (slept, wanted) in zip(sleeps, expected) { XCTAssertEqual(slept, wanted, accuracy: 1e-12, "\(sleeps)", file: file, line: line) }
    }

    /// Poll intervals start at `firstPoll` and grow by half each time up to `maxPoll`.
    func testPollIntervals_GrowByHalfUpToTheMaximum() async throws {
        var slow = StatementOptions()
        slow.firstPoll = 1
        slow.maxPoll = 3
        let cases: [(options: StatementOptions, polls: Int, sleeps: [Double])] = [
            (StatementOptions(), 1, [0.1]),
            (StatementOptions(), 11, [0.1, 0.15, 0.225, 0.3375, 0.50625, 0.759375, 1.1390625, 1.70859375, 2, 2, 2]),
            (slow, 5, [1, 1.5, 2.25, 3, 3]),
        ]
        for (options, polls, sleeps) in cases {
            let clock = ManualClock()
            let transport = warehouse(clock: clock, polls: polls)
            let result = try await backend(transport, clock: clock, options: options).execute(Self.statement).collect()
            XCTAssertEqual(result.rows, [[.int(1)]])
            assertSleeps(clock, sleeps)
            XCTAssertEqual(
                transport.lines, ["POST \(Self.statementsPath)"] + Array(repeating: "GET \(Self.statementsPath)/s1", count: polls))
        }
    }

    /// Past `--timeout` the statement is canceled with exactly one cancel request and the error is
    /// TIMEOUT. The check comes before each wait, with the time requests took counted: the statement
    /// is canceled as soon as the next poll would come after the deadline.
    func testTimeout_CancelsOnceAndFailsWithTimeout() async throws {
        var options = StatementOptions()
        options.timeout = 1
        let cases: [(latency: Double, sleeps: [Double])] = [
            (0, [0.1, 0.15, 0.225, 0.3375]),  // 0.8125 s slept; the next poll, at 1.31875 s, is past 1 s
            (0.1, [0.1, 0.15, 0.225]),  // 0.475 s slept and 0.4 s in four requests; next poll at 1.2125 s
        ]
        for (latency, sleeps) in cases {
            let clock = ManualClock()
            let transport = warehouse(clock: clock, latency: latency)
            let backend = try backend(transport, clock: clock, options: options)
            let outcome = await Result { try await backend.execute(Self.statement) }
            await backend.cancelAll()  // a signal now finds the statement canceled already
            XCTAssertEqual(
                outcome.error as? DatabricksError, .timedOut(statementID: "s1", seconds: 1, canceled: true), "latency \(latency)")
            XCTAssertEqual((outcome.error as? DatabricksError)?.code, .timeout)
            assertSleeps(clock, sleeps)
            XCTAssertEqual(
                transport.lines,
                ["POST \(Self.statementsPath)"] + Array(repeating: "GET \(Self.statementsPath)/s1", count: sleeps.count)
                    + ["POST \(Self.statementsPath)/s1/cancel"], "latency \(latency)")
        }
    }

    /// A task cancelled while it polls (a signal, as task cancellation) still sends the cancel
    /// request, once, although the transport sends nothing for a cancelled task.
    func testCancelledTask_CancelsTheStatementOnce() async throws {
        let clock = ManualClock()
        let inner = warehouse(clock: clock)
        let transport = ScriptedTransport { request in
            let response = try await inner.send(request)
            if request.method == "GET" { withUnsafeCurrentTask { $0?.cancel() } }
            return response
        }
        let subject = try backend(transport, clock: clock)
        let statement = Self.statement
        let task = Task { try await subject.execute(statement) }
        let outcome = await task.result
        XCTAssertEqual(outcome.error as? DatabricksError, .interrupted(statementID: "s1", signal: "a signal"))
        XCTAssertEqual(clock.sleeps, [0.1])
        XCTAssertEqual(
            transport.lines, ["POST \(Self.statementsPath)", "GET \(Self.statementsPath)/s1", "POST \(Self.statementsPath)/s1/cancel"])
    }

    /// The INLINE-limit refusal is recognised by its message: the whole warehouse text or either of
    /// its two phrases, exactly as written.
    func testInlineLimit_IsRecognisedByTheWarehouseMessage() {
        let cases: [(String, Bool)] = [
            (
                "Inline byte limit exceeded. Statements executed with disposition=INLINE can have a result size of at most 26214400 "
                    + "bytes. Please execute the statement with disposition=EXTERNAL_LINKS if you want to download the full result.", true
            ),
            ("Inline byte limit exceeded.", true),
            ("Please execute the statement with disposition=EXTERNAL_LINKS", true),
            ("inline byte limit exceeded", false),
            ("[DIVIDE_BY_ZERO] Division by zero.", false),
            ("result too large", false),
            ("", false),
        ]
        for (message, expected) in cases {
            XCTAssertEqual(StatementRunner.isInlineLimit(message), expected, message)
        }
    }

    /// Without `--disposition`, a statement refused for the INLINE limit runs again with
    /// EXTERNAL_LINKS and says so in its properties; with `--disposition INLINE` the refusal is the error.
    func testInlineLimit_RunsAgainWithExternalLinksUnlessInlineWasAsked() async throws {
        let refusal =
            "Inline byte limit exceeded. Statements executed with disposition=INLINE can have a result size of at most 26214400 bytes."
        let failed =
            #"{"statement_id": "s1", "status": {"state": "FAILED", "error": {"error_code": "BAD_REQUEST", "message": "\#(refusal)"}}}"#
        let linked = """
            {"statement_id": "s2", "status": {"state": "SUCCEEDED"},
             "manifest": {"schema": {"columns": [{"name": "n", "type_name": "INT"}]}, "total_chunk_count": 1, "total_row_count": 1},
             "result": {"external_links": [{"chunk_index": 0, "row_offset": 0, "row_count": 1, "external_link": "https://storage.example.com/c0?sig=1"}]}}
            """
        let transport = ScriptedTransport { request in
            switch (request.method, request.url.host) {
            case ("POST", "dbc-1.example.com"):
                let body = String(decoding: request.body ?? Data(), as: UTF8.self)
                return .json(200, body.contains(#""disposition":"EXTERNAL_LINKS""#) ? linked : failed)
            case ("GET", "storage.example.com"): return .json(200, #"[["1"]]"#)
            default: return .json(404, "{}")
            }
        }
        let clock = ManualClock()
        let stream = try await backend(transport, clock: clock).execute(Self.statement)
        let rows = try await stream.collect().rows
        XCTAssertEqual(rows, [[.int(1)]])
        XCTAssertEqual(stream.properties["disposition"], .string("EXTERNAL_LINKS"))
        XCTAssertEqual(
            stream.properties["disposition_fallback"], .string("INLINE result over the 25 MiB limit; ran again with EXTERNAL_LINKS"))
        XCTAssertEqual(
            transport.requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self).contains(#""disposition":"INLINE""#) },
            [true, false, false])

        var inline = StatementOptions()
        inline.disposition = .inline
        let asked = ScriptedTransport { _ in .json(200, failed) }
        let outcome = await Result { try await backend(asked, clock: clock, options: inline).execute(Self.statement) }
        XCTAssertEqual(
            outcome.error as? DatabricksError,
            .statementFailed(statementID: "s1", errorCode: "BAD_REQUEST", sqlState: nil, message: refusal))
        XCTAssertEqual(asked.requests.count, 1)
    }

    /// The progress a terminal's line shows: each state the warehouse reports while the statement
    /// runs, then the result's chunks and rows as they are read, then the end of the result.
    func testProgress_ReportsStatesThenChunksAndRows() async throws {
        let twoChunks = """
            {"statement_id": "s1", "status": {"state": "SUCCEEDED"},
             "manifest": {"format": "JSON_ARRAY", "schema": {"column_count": 1, "columns": [{"name": "n", "type_name": "INT", "type_text": "INT"}]},
                          "total_chunk_count": 2, "total_row_count": 3},
             "result": {"chunk_index": 0, "row_offset": 0, "row_count": 2, "data_array": [["1"], ["2"]], "next_chunk_index": 1,
                        "next_chunk_internal_link": "/api/2.0/sql/statements/s1/result/chunks/1"}}
            """
        let clock = ManualClock()
        let inner = warehouse(clock: clock, polls: 2, finalBody: twoChunks)
        let transport = ScriptedTransport { request in
            guard request.url.path == Self.statementsPath + "/s1/result/chunks/1" else { return try await inner.send(request) }
            return .json(200, #"{"chunk_index": 1, "row_offset": 2, "row_count": 1, "data_array": [["3"]]}"#)
        }
        let events = LockedBox<[StatementProgress]>([])
        var options = StatementOptions()
        options.progress = { progress in events.withLock { $0.append(progress) } }
        let result = try await backend(transport, clock: clock, options: options).execute(Self.statement).collect()
        XCTAssertEqual(result.rows, [[.int(1)], [.int(2)], [.int(3)]])
        func progress(_ state: String, chunks: Int = 0, rows: Int = 0, totals: Bool = false, complete: Bool = false) -> StatementProgress {
            var progress = StatementProgress(statementID: "s1", state: state)
            progress.chunksFetched = chunks
            progress.rowsFetched = rows
            if totals { (progress.totalChunks, progress.totalRows) = (2, 3) }
            progress.isComplete = complete
            return progress
        }
        XCTAssertEqual(
            events.withLock { $0 },
            [
                progress("PENDING"), progress("RUNNING"), progress("SUCCEEDED", totals: true),
                progress("SUCCEEDED", chunks: 1, rows: 2, totals: true), progress("SUCCEEDED", chunks: 2, rows: 3, totals: true),
                progress("SUCCEEDED", chunks: 2, rows: 3, totals: true, complete: true),
            ])
    }
}
