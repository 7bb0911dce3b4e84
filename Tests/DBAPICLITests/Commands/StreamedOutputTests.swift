import DBAPICore
import Foundation
import XCTest

@testable import DBAPICLI

/// A backend that streams the given batches, then fails if `failure` is set.
private struct BatchesBackend: SQLBackend {
    let name = "batches"
    let batches: [RowBatch]
    var failure: DBAPIError?
    /// Batches handed out so far.
    let served = LockedBox(0)

    func execute(_ statement: BoundStatement) async throws -> ResultStream {
        ResultStream(columns: [ResultColumn(name: "n", type: .bigint)]) { [batches, served, failure] in
            let next = served.withLock { count in
                defer { count += 1 }
                return count
            }
            if next < batches.count { return batches[next] }
            if let failure { throw failure }
            return nil
        }
    }
}

/// `dbapi query` writes rows as the backend delivers them, in every format: each slice of at most
/// 1,024 rows is one write, so memory stays bounded by a slice whatever the result size.
final class StreamedOutputTests: XCTestCase {
    /// Each `stdoutBytes` call of `dbapi query` on `backend` with `arguments`, stderr, and the exit status.
    private func query(_ backend: BatchesBackend, _ arguments: [String], environment: [String: String] = [:]) async -> (
        status: Int32, writes: [String], stderr: String
    ) {
        let captured = LockedBox<[String]>([])
        let errors = LockedBox("")
        var io = IO(
            stdout: { text in captured.withLock { $0.append(text) } }, stderr: { text in errors.withLock { $0 += text } },
            stdin: { Data() }, environment: environment, currentDirectory: "/")
        io.stdoutBytes = { bytes in captured.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        let registry = BackendRegistry([.init(name: "batches") { _ in backend }])
        let status = await DBAPICommandLine.run(
            arguments: ["query", "SELECT n", "--correlation-id", "c-1"] + arguments, io: io, backends: registry)
        return (status, captured.withLock { $0 }, errors.withLock { $0 })
    }

    private func lines(_ range: Range<Int>) -> String {
        range.map { #"{"n":\#($0)}"# + "\n" }.joined()
    }

    private func rows(_ range: Range<Int>) -> RowBatch { .rows(range.map { [.int(Int64($0))] }) }

    func testLargeBatches_AreWrittenAFewRowsAtATime() async {
        let result = await query(BatchesBackend(batches: [rows(0..<2_500), rows(2_500..<2_501)]), ["--format", "ndjson"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.writes, [lines(0..<1_024), lines(1_024..<2_048), lines(2_048..<2_500), lines(2_500..<2_501)])
    }

    /// json rows are written inside the envelope as they arrive, held in a spool file, and reach
    /// stdout as one document once the result is complete.
    func testJSON_IsOneDocumentOfAllRows() async throws {
        let result = await query(BatchesBackend(batches: [rows(0..<2_500), rows(2_500..<2_501)]), ["--format", "json"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.writes.count, 1, "one block of the spool file")
        let text = result.writes.joined()
        XCTAssertTrue(text.hasPrefix(#"{"status":"success","data":{"columns":[{"name":"n","type":"BIGINT"}],"rows":[[0],[1],"#))
        XCTAssertTrue(text.contains(",[1023],[1024],"))
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let data = document?["data"] as? [String: Any]
        XCTAssertEqual((data?["rows"] as? [[Int]])?.map { $0[0] }, Array(0...2_500))
        let meta = document?["meta"] as? [String: Any]
        XCTAssertEqual(meta?["rows"] as? Int, 2_501)
        XCTAssertEqual(meta?["correlation_id"] as? String, "c-1")
        XCTAssertEqual(meta?["backend"] as? String, "batches")
    }

    /// A document past `EnvelopeOutput.spoolThreshold` moves to a spool file and comes back in its
    /// 1 MiB blocks; a smaller one never makes a file (one write).
    func testLargeJSON_GoesThroughTheSpoolFile() async throws {
        let result = await query(BatchesBackend(batches: [rows(0..<200_000)]), ["--format", "json"])
        XCTAssertEqual(result.status, 0)
        let text = result.writes.joined()
        XCTAssertGreaterThan(text.utf8.count, EnvelopeOutput.spoolThreshold)
        XCTAssertEqual(result.writes.map(\.utf8.count).dropLast(), [1 << 20], "replayed from the spool file")
        let rows = try JSONParser.parse(text)["data"]?["rows"]?.array
        XCTAssertEqual(rows?.count, 200_000)
        XCTAssertEqual(rows?.last, .array([.int(199_999)]))
    }

    /// Without a writable temporary directory the document is held in memory: still whole.
    func testJSON_WithoutATemporaryDirectory_IsStillWhole() async throws {
        let result = await query(
            BatchesBackend(batches: [rows(0..<3)]), ["--format", "json"], environment: ["TMPDIR": "/nonexistent/dir"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(try JSONParser.parse(result.writes.joined())["data"]?["rows"], .array((0..<3).map { .array([.int($0)]) }))
    }

    func testCSVHeader_IsWrittenFirstEvenWithoutRows() async {
        let rows = await query(BatchesBackend(batches: [.rows([[.int(1)], [.int(2)]])]), ["--format", "csv"])
        XCTAssertEqual(rows.writes, ["n\r\n", "1\r\n2\r\n"])
        let empty = await query(BatchesBackend(batches: []), ["--format", "csv"])
        XCTAssertEqual(empty.writes, ["n\r\n"])
    }

    /// A failure after rows were written ends the run with the error's status; stderr says how many
    /// rows were written; ndjson ends with the error envelope as its last line. A json document is
    /// held until complete and a table waits for its last row, so they write the error alone.
    func testFailureAfterRows_IsLoudInEveryFormat() async {
        let failure = DBAPIError(.unavailable, "chunk 2 could not be fetched")
        let backend = { BatchesBackend(batches: [self.rows(0..<2)], failure: failure) }
        let error =
            #"{"status":"error","error":{"code":"UNAVAILABLE","message":"chunk 2 could not be fetched","retryable":true},"#
        let cases: [(format: String, output: String)] = [
            ("json", error), ("ndjson", lines(0..<2) + error), ("csv", "n\r\n0\r\n1\r\n"), ("table", ""),
        ]
        for (format, output) in cases {
            let result = await query(backend(), ["--format", format])
            XCTAssertEqual(result.status, 69, format)
            XCTAssertTrue(result.writes.joined().hasPrefix(output), "\(format): \(result.writes.joined())")
            XCTAssertEqual(result.writes.joined().isEmpty, output.isEmpty, format)
            let incomplete =
                format == "table" || format == "json"
                ? "" : "Error: the output is incomplete: 2 rows were written before the failure below\n"
            XCTAssertEqual(result.stderr, incomplete + "Error: chunk 2 could not be fetched\n", format)
        }
    }
}
