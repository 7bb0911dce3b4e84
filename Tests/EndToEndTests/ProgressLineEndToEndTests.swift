import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// The progress line of a long warehouse statement, watched on a pseudo-terminal: the built binary
/// against scripts/fake_databricks.py with a statement that stays PENDING/RUNNING for a while and a
/// result in slow chunks.
final class ProgressLineEndToEndTests: XCTestCase {
    private var server: FakeDatabricksServer!
    private let arguments = [
        "query", "SELECT sku FROM retail.products ORDER BY sku", "--backend", "databricks", "--wait-timeout", "0", "--format", "ndjson",
    ]

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
        try server.control(#"{"pending_polls": 6, "chunk_rows": 100, "chunk_delay": 0.3}"#)
    }

    private var environment: [String: String?] {
        var environment: [String: String?] = [:]
        for (key, value) in server.environment { environment[key] = value }
        return environment
    }

    /// Each redraw of the line: the text between a carriage return and the erase-to-end-of-line.
    private func redraws(_ terminal: String) -> [String] {
        terminal.components(separatedBy: "\r").compactMap { piece in
            guard let end = piece.range(of: "\u{1B}[K"), end.lowerBound != piece.startIndex else { return nil }
            return String(piece[..<end.lowerBound]).replacingOccurrences(of: "\u{1B}[2m", with: "")
                .replacingOccurrences(of: "\u{1B}[0m", with: "")
        }
    }

    func testTerminal_ShowsStateThenChunksAndRows_AndErasesTheLine() throws {
        let outcome = try runDBAPIOnTerminal(arguments, columns: 72, environment: environment)
        XCTAssertEqual(outcome.status, 0, outcome.stdout)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, 300, "every row on stdout")
        let lines = redraws(outcome.stderr)
        let waiting = try XCTUnwrap(lines.first, outcome.stderr)
        XCTAssert(waiting.hasPrefix("dbapi: PENDING · ") || waiting.hasPrefix("dbapi: RUNNING · "), waiting)
        let firstChunk = lines.contains { $0.hasPrefix("dbapi: SUCCEEDED · ") && $0.contains(" · 1/3 chunks · 100/300 rows · statement ") }
        XCTAssert(firstChunk, "\(lines)")
        XCTAssert(lines.allSatisfy { $0.count <= 71 }, "cut to the terminal's width: \(lines)")
        XCTAssert(outcome.stderr.contains("\u{1B}[2m"), "dimmed")
        XCTAssert(outcome.stderr.hasSuffix("\r\u{1B}[K"), "the line is erased at the end: \(outcome.stderr.suffix(80).debugDescription)")
    }

    func testNoLine_WithQuiet_NotOnATerminal_AndNoDimmingWithNoColor() throws {
        let quiet = try runDBAPIOnTerminal(arguments + ["--quiet"], environment: environment)
        XCTAssertEqual(quiet.status, 0, quiet.stdout)
        XCTAssertEqual(quiet.stderr, "")
        let piped = try runDBAPI(arguments, environment: environment)
        XCTAssertEqual(piped.status, 0, piped.stdout)
        XCTAssertEqual(piped.stderr, "", "stderr a pipe: logs and CI stay clean")
        XCTAssertEqual(piped.stdout, quiet.stdout)
        var plain = environment
        plain["NO_COLOR"] = "1"
        let uncoloured = try runDBAPIOnTerminal(arguments, environment: plain)
        XCTAssertEqual(uncoloured.status, 0, uncoloured.stdout)
        XCTAssert(redraws(uncoloured.stderr).contains { $0.hasPrefix("dbapi: SUCCEEDED · ") }, uncoloured.stderr)
        XCTAssertFalse(uncoloured.stderr.contains("\u{1B}[2m"), uncoloured.stderr)
    }
}
