import DBAPICore
import Foundation
import XCTest

@testable import DBAPICLI

/// The progress line's text, and when a line is shown at all (the pseudo-terminal end-to-end test
/// in `ProgressLineEndToEndTests` watches it live).
final class ProgressLineTests: XCTestCase {
    private func progress(_ state: String, chunks: Int = 0, of totalChunks: Int? = nil, rows: Int = 0, of totalRows: Int? = nil)
        -> StatementProgress
    {
        var progress = StatementProgress(statementID: "01f0-abc", state: state)
        progress.chunksFetched = chunks
        progress.totalChunks = totalChunks
        progress.rowsFetched = rows
        progress.totalRows = totalRows
        return progress
    }

    func testText_StateElapsedChunksRowsAndStatement() {
        let cases: [(StatementProgress, Double, Int, String)] = [
            (progress("PENDING"), 0.54, 200, "dbapi: PENDING · 0.5 s · statement 01f0-abc"),
            (progress("RUNNING"), 61.98, 200, "dbapi: RUNNING · 61.9 s · statement 01f0-abc"),
            (progress("SUCCEEDED", of: 4, of: 4000), 2, 200, "dbapi: SUCCEEDED · 2.0 s · 0/4 chunks · 0/4000 rows · statement 01f0-abc"),
            (
                progress("SUCCEEDED", chunks: 3, of: 4, rows: 3000, of: 4000), 3.25, 200,
                "dbapi: SUCCEEDED · 3.2 s · 3/4 chunks · 3000/4000 rows · statement 01f0-abc"
            ),
            (progress("SUCCEEDED", chunks: 2, rows: 17), 1, 200, "dbapi: SUCCEEDED · 1.0 s · 2 chunks · 17 rows · statement 01f0-abc"),
            (progress("RUNNING"), -1, 200, "dbapi: RUNNING · 0.0 s · statement 01f0-abc"),
            (progress("RUNNING"), 1, 21, "dbapi: RUNNING · 1.0"),  // one column short of the width: no wrap
            (progress("RUNNING"), 1, 0, "d"),
        ]
        for (progress, elapsed, columns, expected) in cases {
            XCTAssertEqual(ProgressLine.text(of: progress, elapsed: elapsed, columns: columns), expected)
        }
    }

    func testStart_OnlyOnATerminalThatCanRedrawAndWithoutQuiet() {
        func io(columns: Int?, term: String? = "xterm") -> IO {
            var io = IO(stdout: { _ in }, stderr: { _ in }, stdin: { Data() }, environment: [:], currentDirectory: "/")
            io.environment["TERM"] = term
            io.stderrTerminalColumns = { columns }
            return io
        }
        let cases: [(IO, Bool, Bool)] = [
            (io(columns: 80), false, true),
            (io(columns: 80, term: nil), false, true),
            (io(columns: 80), true, false),
            (io(columns: nil), false, false),
            (io(columns: 80, term: "dumb"), false, false),
        ]
        for (index, (io, quiet, shown)) in cases.enumerated() {
            let line = ProgressLine.start(io: io, quiet: quiet)
            XCTAssertEqual(line != nil, shown, "case \(index)")
            line?.finish()
        }
    }
}
