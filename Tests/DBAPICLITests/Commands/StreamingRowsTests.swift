import DBAPICore
import Foundation
import XCTest

@testable import DBAPICLI

/// A backend that streams the given batches.
private struct BatchesBackend: SQLBackend {
    let name = "batches"
    let batches: [RowBatch]
    /// Batches handed out so far.
    let served = LockedBox(0)

    func execute(_ statement: BoundStatement) async throws -> ResultStream {
        ResultStream(columns: [ResultColumn(name: "n", type: .bigint)]) { [batches, served] in
            served.withLock { count in
                defer { count += 1 }
                return count < batches.count ? batches[count] : nil
            }
        }
    }
}

final class StreamingRowsTests: XCTestCase {
    /// Each `stdoutBytes` call of streaming `batches` with `arguments`, and the exit status.
    private func writes(_ backend: BatchesBackend, _ arguments: [String], rowCap: Int? = nil) async throws -> (
        status: Int32, writes: [String]
    ) {
        let captured = LockedBox<[String]>([])
        var io = IO(stdout: { _ in }, stderr: { _ in }, stdin: { Data() }, environment: [:], currentDirectory: "/")
        io.stdoutBytes = { bytes in captured.withLock { $0.append(String(decoding: bytes, as: UTF8.self)) } }
        let invocation = try Invocation(
            arguments: try ParsedArguments.parse(["query", "SELECT n"] + arguments), io: io, backends: .standard)
        let streaming = StreamingRows(invocation: invocation, meta: JSONObject(), rowCap: rowCap)
        let status = await streaming.execute(
            { BoundStatement(name: "q", inlinedSQL: "SELECT n", nativeSQL: "SELECT n", parameters: []) }, backend: backend)
        return (status, captured.withLock { $0 })
    }

    private func lines(_ range: Range<Int>) -> String {
        range.map { #"{"n":\#($0)}"# + "\n" }.joined()
    }

    func testLargeBatches_AreWrittenAFewRowsAtATime() async throws {
        let backend = BatchesBackend(batches: [.rows((0..<2_500).map { [.int(Int64($0))] }), .rows([[.int(2_500)]])])
        let result = try await writes(backend, ["--format", "ndjson"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.writes, [lines(0..<1_024), lines(1_024..<2_048), lines(2_048..<2_500), lines(2_500..<2_501)])
    }

    func testRowCap_StopsWithinABatchAndFetchesNoFurther() async throws {
        let backend = BatchesBackend(batches: [.rows((0..<1_500).map { [.int(Int64($0))] }), .rows([[.int(1_500)]])])
        let result = try await writes(backend, ["--format", "ndjson"], rowCap: 1_100)
        XCTAssertEqual(result.writes, [lines(0..<1_024), lines(1_024..<1_100)])
        XCTAssertEqual(backend.served.withLock { $0 }, 1)
    }

    func testCSVHeader_IsWrittenWithTheFirstRowsOrAlone() async throws {
        let rows = try await writes(BatchesBackend(batches: [.rows([[.int(1)], [.int(2)]])]), ["--format", "csv"])
        XCTAssertEqual(rows.writes, ["n\r\n1\r\n2\r\n"])
        let empty = try await writes(BatchesBackend(batches: []), ["--format", "csv"])
        XCTAssertEqual(empty.writes, ["n\r\n"])
    }
}
