import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// The real `dbapi` binary against the fake Statement Execution server answering in the documented
/// shapes: every result is delivered whole, or the run fails with a non-zero exit status.
final class DatabricksResultIntegrityTests: XCTestCase {
    private var server: FakeDatabricksServer!

    /// 100 rows; with `chunk_rows` 25 they come in four chunks.
    private let hundredRows = "SELECT order_id FROM retail.orders WHERE order_id <= 100100 ORDER BY order_id"

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
    }

    override func tearDown() { server = nil }

    private func dbapi(_ arguments: [String]) throws -> ProcessOutcome {
        var environment: [String: String?] = ["DBAPI_ROOT": nil]
        for (key, value) in server.environment { environment[key] = value }
        return try runProcess(Fixtures.binary, arguments + ["--backend", "databricks"], environment: environment)
    }

    private func downloads() throws -> [JSONValue] {
        try server.requests().filter { ($0["path"]?.string ?? "").hasPrefix("/__external/") }
    }

    func testExternalLinks_InTheDocumentedShape_DeliverEveryRow() throws {
        for linksPerResponse in [1, 2, 3] {
            try server.reset()
            try server.control(#"{"chunk_rows": 1000, "links_per_response": \#(linksPerResponse)}"#)
            let outcome = try dbapi([
                "query", "SELECT order_id FROM retail.orders ORDER BY order_id LIMIT 2500", "--disposition", "EXTERNAL_LINKS",
                "--format", "ndjson",
            ])
            XCTAssertEqual(outcome.status, 0, "\(linksPerResponse) links: \(outcome.stderr)")
            let lines = outcome.stdout.split(separator: "\n")
            XCTAssertEqual(lines.count, 2500, "\(linksPerResponse) links per response")
            XCTAssertEqual(lines.first, #"{"order_id":100001}"#)
            XCTAssertEqual(lines.last, #"{"order_id":102500}"#)
            let fetched = try downloads().compactMap { $0["path"]?.string?.split(separator: "?").first.map(String.init) }
            XCTAssertEqual(fetched.count, 3, "each of the 3 links downloaded once (\(linksPerResponse) per response)")
            XCTAssertEqual(Set(fetched.map { $0.split(separator: "/").last.map(String.init) ?? "" }), ["0", "1", "2"])
            XCTAssertTrue(try downloads().allSatisfy { $0["authorization"] == .null })
        }
    }

    func testStorageHeaders_AreSentVerbatim() throws {
        try server.control(#"{"chunk_rows": 40}"#)
        let outcome = try dbapi(["query", hundredRows, "--disposition", "EXTERNAL_LINKS"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.json?["data"]?["rows"]?.array?.count, 100)
        XCTAssertEqual(try downloads().map { $0["storage_header"] }, Array(repeating: .string("1"), count: 3))
    }

    /// One broken result per way a chunk can go wrong, at chunk 2 of 4: collected (json) and
    /// streamed (ndjson, after chunks 0 and 1 were written), INLINE and EXTERNAL_LINKS.
    func testBrokenResults_FailLoudly_NeverShorten() throws {
        let incomplete: (code: String, status: Int32) = ("INCOMPLETE_RESULT", 74)
        let cases: [(kind: String, dispositions: [String], code: String, status: Int32, reason: String?)] = [
            (
                "fewer_rows", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 2 announced row_count 25 but held 24 rows"
            ),
            (
                "more_rows", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 2 announced row_count 25 but held 26 rows"
            ),
            (
                "skip_index", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 3 arrived where chunk 2 was expected (the result skips chunk 2)"
            ),
            (
                "repeat_index", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 1 arrived where chunk 2 was expected (the result repeats an earlier chunk)"
            ),
            (
                "wrong_offset", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 2 starts at row_offset 51, but 50 rows came before it"
            ),
            ("truncated", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status, nil),
            ("link_html", ["EXTERNAL_LINKS"], incomplete.code, incomplete.status, nil),
            ("link_empty", ["EXTERNAL_LINKS"], incomplete.code, incomplete.status, nil),
            ("cut_off", ["INLINE", "EXTERNAL_LINKS"], "UNAVAILABLE", 69, nil),
            (
                "next_link_404", ["INLINE", "EXTERNAL_LINKS"], incomplete.code, incomplete.status,
                "chunk 2 could not be fetched: GET /api/2.0/sql/statements/{id}/result/chunks/999999 failed with HTTP 404 NOT_FOUND: no chunk 999999 in this result"
            ),
        ]
        for broken in cases {
            for disposition in broken.dispositions {
                let label = "\(broken.kind), \(disposition)"
                try server.control(#"{"chunk_rows": 25, "fault": {"kind": "\#(broken.kind)", "chunk": 2}}"#)
                let collected = try dbapi(["query", hundredRows, "--disposition", disposition])
                XCTAssertEqual(collected.status, broken.status, "\(label): \(collected.stdout)")
                let error = collected.json?["error"]
                XCTAssertEqual(error?["code"], .string(broken.code), label)
                XCTAssertEqual(error?["retryable"], .bool(true), label)
                XCTAssertNil(collected.json?["data"], label)
                if broken.code == incomplete.code {
                    XCTAssertEqual(error?["details"]?["chunk_index"], .int(2), label)
                    XCTAssertEqual(error?["details"]?["statement_id"], collected.json?["meta"]?["statement_ids"]?.array?.last, label)
                }
                if let reason = broken.reason {
                    let id = error?["details"]?["statement_id"]?.string ?? "?"
                    XCTAssertEqual(
                        error?["message"]?.string,
                        "incomplete result of statement \(id): " + reason.replacingOccurrences(of: "{id}", with: id),
                        label)
                }

                let streamed = try dbapi(["query", hundredRows, "--disposition", disposition, "--format", "ndjson"])
                XCTAssertEqual(streamed.status, broken.status, label)
                let lines = streamed.stdout.split(separator: "\n").map(String.init)
                XCTAssertEqual(lines.count, 51, "\(label): chunks 0 and 1, then one error line")
                XCTAssertEqual(lines.first, #"{"order_id":100001}"#, label)
                XCTAssertEqual(lines[49], #"{"order_id":100050}"#, label)
                XCTAssertEqual(try JSONParser.parse(lines.last ?? "")["error"]?["code"], .string(broken.code), label)
                XCTAssertTrue(
                    streamed.stderr.hasPrefix("Error: the output is incomplete: 50 rows were written before the failure below\n"),
                    "\(label): \(streamed.stderr)")
            }
        }
    }

    func testManifestTotals_AreChecked() throws {
        let cases: [(manifest: String, message: String)] = [
            (
                #""total_row_count": 99"#,
                "incomplete result of statement {id}: the result has 100 rows, but the manifest announced total_row_count 99"
            ),
            (
                #""total_chunk_count": 5"#,
                "incomplete result of statement {id}: chunk 3 is the last chunk, but the manifest announced 5 chunk(s)"
            ),
            (
                #""total_chunk_count": 3"#,
                "incomplete result of statement {id}: chunk 2 points to a next chunk, but the manifest announced 3 chunk(s)"
            ),
        ]
        for (manifest, message) in cases {
            try server.control(#"{"chunk_rows": 25, "manifest_override": {\#(manifest)}}"#)
            for format in ["json", "csv"] {
                let outcome = try dbapi(["query", hundredRows, "--format", format])
                XCTAssertEqual(outcome.status, 74, "\(manifest), \(format)")
                let id = outcome.stderr.components(separatedBy: "statement ").dropFirst().first?.split(separator: ":").first ?? ""
                XCTAssertTrue(
                    outcome.stderr.hasSuffix("Error: " + message.replacingOccurrences(of: "{id}", with: String(id)) + "\n"),
                    "\(manifest), \(format): \(outcome.stderr)")
            }
        }
    }

    func testTruncatedResults_AreCompleteUpToTheRowLimit() throws {
        try server.control(#"{"chunk_rows": 30}"#)
        let outcome = try dbapi(["query", hundredRows, "--row-limit", "70", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.json?["data"]?["rows"]?.array?.count, 70)
        XCTAssertEqual(outcome.json?["meta"]?["truncated"], .bool(true))
    }
}
