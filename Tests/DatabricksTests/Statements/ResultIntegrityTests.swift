import DBAPICore
import XCTest

@testable import Databricks

final class ResultIntegrityTests: XCTestCase {
    private typealias Step = (header: ChunkHeader, rows: Int)

    private func chunk(_ index: Int?, offset: Int?, count: Int?, next: Int?, rows: Int? = nil) -> Step {
        (ChunkHeader(index: index, rowOffset: offset, rowCount: count, nextIndex: next), rows ?? count ?? 0)
    }

    /// Feeds `steps` in order; returns nil when the result completed, else the violation.
    private func check(_ steps: [Step], chunks: Int?, rows: Int?) -> DatabricksError? {
        var integrity = ResultIntegrity(statementID: "s1", totalChunks: chunks, totalRows: rows)
        do {
            var more = true
            for step in steps {
                more = try integrity.accept(step.header, rows: step.rows)
            }
            if more || steps.isEmpty { try integrity.finish() }
            XCTAssertTrue(integrity.isComplete)
            return nil
        } catch {
            return error
        }
    }

    func testCompleteResults_Pass() {
        let cases: [(id: String, steps: [Step], chunks: Int?, rows: Int?)] = [
            (
                "three chunks",
                [chunk(0, offset: 0, count: 2, next: 1), chunk(1, offset: 2, count: 3, next: 2), chunk(2, offset: 5, count: 1, next: nil)],
                3, 6
            ),
            ("one empty chunk", [chunk(0, offset: 0, count: 0, next: nil)], 1, 0),
            ("no chunk at all", [], 0, 0),
            ("no manifest totals", [chunk(0, offset: 0, count: 2, next: 1), chunk(1, offset: 2, count: 2, next: nil)], nil, nil),
            ("index taken from position", [chunk(nil, offset: 0, count: 2, next: nil)], 1, 2),
        ]
        for test in cases {
            XCTAssertNil(check(test.steps, chunks: test.chunks, rows: test.rows), test.id)
        }
    }

    func testViolations_NameTheChunkAndTheProblem() {
        let cases: [(id: String, steps: [Step], chunks: Int?, rows: Int?, chunk: Int?, reason: String)] = [
            (
                "fewer rows", [chunk(0, offset: 0, count: 3, next: nil, rows: 2)], 1, 3, 0,
                "chunk 0 announced row_count 3 but held 2 rows"
            ),
            (
                "skipped index", [chunk(0, offset: 0, count: 1, next: 1), chunk(2, offset: 1, count: 1, next: nil)], 3, 3, 1,
                "chunk 2 arrived where chunk 1 was expected (the result skips chunk 1)"
            ),
            (
                "repeated index", [chunk(0, offset: 0, count: 1, next: 1), chunk(0, offset: 0, count: 1, next: 1)], 2, 2, 1,
                "chunk 0 arrived where chunk 1 was expected (the result repeats an earlier chunk)"
            ),
            (
                "wrong offset", [chunk(0, offset: 0, count: 2, next: 1), chunk(1, offset: 3, count: 2, next: nil)], 2, 4, 1,
                "chunk 1 starts at row_offset 3, but 2 rows came before it"
            ),
            ("missing row_count", [chunk(0, offset: 0, count: nil, next: nil, rows: 4)], 1, 4, 0, "chunk 0 has no row_offset or row_count"),
            ("missing row_offset", [chunk(0, offset: nil, count: 4, next: nil)], 1, 4, 0, "chunk 0 has no row_offset or row_count"),
            (
                "pointer skips", [chunk(0, offset: 0, count: 1, next: 2)], 3, 3, 0,
                "chunk 0 points to chunk 2 as the next one instead of chunk 1"
            ),
            (
                "ends early", [chunk(0, offset: 0, count: 1, next: nil)], 2, 2, 0,
                "chunk 0 is the last chunk, but the manifest announced 2 chunk(s)"
            ),
            (
                "goes on past the manifest", [chunk(0, offset: 0, count: 1, next: 1)], 1, 1, 0,
                "chunk 0 points to a next chunk, but the manifest announced 1 chunk(s)"
            ),
            (
                "beyond the manifest", [chunk(0, offset: 0, count: 1, next: nil)], 0, 0, 0,
                "chunk 0 is beyond the 0 chunk(s) the manifest announced"
            ),
            (
                "row total", [chunk(0, offset: 0, count: 2, next: nil)], 1, 3, nil,
                "the result has 2 rows, but the manifest announced total_row_count 3"
            ),
            ("no chunk but rows announced", [], 0, 5, nil, "the result has 0 rows, but the manifest announced total_row_count 5"),
            ("no chunk but chunks announced", [], 2, 5, nil, "the result ended after 0 of the 2 chunk(s) the manifest announced"),
        ]
        for test in cases {
            XCTAssertEqual(
                check(test.steps, chunks: test.chunks, rows: test.rows),
                .incompleteResult(statementID: "s1", chunkIndex: test.chunk, reason: test.reason), test.id)
        }
    }

    func testViolation_IsARetryableIncompleteResult() {
        let error = DatabricksError.incompleteResult(
            statementID: "s1", chunkIndex: 4, reason: "chunk 4 announced row_count 3 but held 2 rows")
        XCTAssertEqual(error.code, .incompleteResult)
        XCTAssertEqual(error.code.exitStatus, 74)
        XCTAssertEqual(error.code.rawValue, "INCOMPLETE_RESULT")
        XCTAssertTrue(error.isRetryable)
        XCTAssertEqual(error.details, ["statement_id": .string("s1"), "chunk_index": .int(4)])
        XCTAssertEqual(error.description, "incomplete result of statement s1: chunk 4 announced row_count 3 but held 2 rows")
    }

    func testExternalLinks_CarryTheirOwnHeaders() throws {
        let page = try JSONParser.parse(
            #"{"external_links": [{"chunk_index": 2, "row_offset": 10, "row_count": 5, "next_chunk_index": 3, "external_link": "a"},"#
                + #" {"chunk_index": 3, "row_offset": 15, "row_count": 5, "external_link": "b"}]}"#)
        let links = try XCTUnwrap(ExternalLink.links(of: page))
        XCTAssertEqual(
            links.map(\.header),
            [ChunkHeader(index: 2, rowOffset: 10, rowCount: 5, nextIndex: 3), ChunkHeader(index: 3, rowOffset: 15, rowCount: 5)])
        let outer = try JSONParser.parse(
            #"{"chunk_index": 1, "row_offset": 4, "row_count": 4, "next_chunk_internal_link": "/p/2", "external_links": [{"external_link": "a"}]}"#
        )
        XCTAssertEqual(
            ExternalLink.links(of: outer)?.map(\.header), [ChunkHeader(index: 1, rowOffset: 4, rowCount: 4, nextPath: "/p/2")],
            "a single link may have its chunk's fields beside external_links")
        XCTAssertNil(ExternalLink.links(of: try JSONParser.parse(#"{"data_array": []}"#)))
    }
}
