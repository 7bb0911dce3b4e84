import DBAPICore
import Foundation
import XCTest

@testable import MockEngine

/// Window aggregates over frames wider than the re-adding threshold (so running, sliding and
/// deque paths all run), checked against the same frames computed by a self-join and GROUP BY.
final class WindowFrameTests: XCTestCase {
    private var engine: SQLEngine!

    override func setUpWithError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("window-frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        // Two partitions of 300 contiguous ids; k has ties, x has NULLs, d is a DOUBLE with a repeating fraction.
        var csv = "id,g,k,x,d\n"
        for id in 0..<600 {
            let x = id % 7 == 0 ? "" : String((id * 37) % 101 - 50)
            csv += "\(id),\(id / 300),\((id * 13) % 97),\(x),\(Double(id % 10) * 0.1)\n"
        }
        try csv.write(to: directory.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        try
            #"{"columns": [{"name": "id", "type": "INT"}, {"name": "g", "type": "INT"}, {"name": "k", "type": "INT"}, {"name": "x", "type": "INT"}, {"name": "d", "type": "DOUBLE"}]}"#
            .write(to: directory.appendingPathComponent("t.schema.json"), atomically: true, encoding: .utf8)
        engine = SQLEngine(catalog: try MockCatalog(directory: directory.path))
    }

    private func rows(_ sql: String) throws -> [String] {
        try engine.execute(sql, now: 0).rows.map { $0.map(\.description).joined(separator: " | ") }
    }

    func testFrames_MatchTheSelfJoin() throws {
        // (window frame, the join condition selecting the same rows of b for row a)
        let cases: [(frame: String, over: String, join: String)] = [
            ("ROWS BETWEEN 100 PRECEDING AND 50 FOLLOWING", "ORDER BY id", "b.id BETWEEN a.id - 100 AND a.id + 50"),
            ("ROWS BETWEEN 3 FOLLOWING AND 200 FOLLOWING", "ORDER BY id", "b.id BETWEEN a.id + 3 AND a.id + 200"),
            ("ROWS BETWEEN 150 PRECEDING AND 80 PRECEDING", "ORDER BY id", "b.id BETWEEN a.id - 150 AND a.id - 80"),
            ("ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", "ORDER BY id", "b.id >= a.id"),
            ("ROWS BETWEEN UNBOUNDED PRECEDING AND 70 FOLLOWING", "ORDER BY id", "b.id <= a.id + 70"),
            ("RANGE BETWEEN 20 PRECEDING AND 10 FOLLOWING", "ORDER BY k", "b.k BETWEEN a.k - 20 AND a.k + 10"),
            ("RANGE BETWEEN 20 PRECEDING AND 10 FOLLOWING", "ORDER BY k DESC", "b.k BETWEEN a.k - 10 AND a.k + 20"),
            ("RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", "ORDER BY k", "b.k >= a.k"),
        ]
        for (frame, over, join) in cases {
            let window = "OVER (PARTITION BY g \(over) \(frame))"
            let windowed = try rows(
                "SELECT id, sum(x) \(window), count(x) \(window), min(x) \(window), max(x) \(window), avg(x) \(window), "
                    + "count(*) \(window) FROM t ORDER BY id")
            let joined = try rows(
                "SELECT a.id, sum(b.x), count(b.x), min(b.x), max(b.x), avg(b.x), count(b.id) FROM t AS a LEFT JOIN t AS b "
                    + "ON a.g = b.g AND \(join) GROUP BY a.id ORDER BY a.id")
            XCTAssertEqual(windowed.count, 600, frame)
            XCTAssertEqual(windowed, joined, "\(over) \(frame)")
        }
    }

    func testKernelAggregates_MatchTheSelfJoin() throws {
        // Retractable kernels (count_if, bool_and, percentile, approx_count_distinct, mode) slide;
        // collect_set, max_by and min_by are rebuilt per moved frame. All answers are independent of input order.
        // Each aggregate given the column prefix (`b.` in the join) and its OVER clause (none in the join).
        let aggregates: [(_ b: String, _ over: String) -> String] = [
            { b, over in "count_if(\(b)x > 0)\(over)" }, { b, over in "bool_and(\(b)x > -40)\(over)" },
            { b, over in "percentile(\(b)x, 0.5)\(over)" }, { b, over in "approx_count_distinct(\(b)x)\(over)" },
            { b, over in "mode(\(b)k)\(over)" }, { b, over in "size(collect_set(\(b)x)\(over))" },
            { b, over in "max_by(\(b)x, \(b)id)\(over)" }, { b, over in "min_by(\(b)k, \(b)id)\(over)" },
        ]
        let cases: [(frame: String, over: String, join: String)] = [
            ("ROWS BETWEEN 100 PRECEDING AND 50 FOLLOWING", "ORDER BY id", "b.id BETWEEN a.id - 100 AND a.id + 50"),
            ("ROWS BETWEEN 150 PRECEDING AND 80 PRECEDING", "ORDER BY id", "b.id BETWEEN a.id - 150 AND a.id - 80"),
            ("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "ORDER BY id", "b.id <= a.id"),
            ("RANGE BETWEEN 20 PRECEDING AND 10 FOLLOWING", "ORDER BY k", "b.k BETWEEN a.k - 20 AND a.k + 10"),
            ("RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", "ORDER BY k DESC", "b.k <= a.k"),
        ]
        for (frame, over, join) in cases {
            let window = "OVER (PARTITION BY g \(over) \(frame))"
            let windowed = try rows(
                "SELECT id, " + aggregates.map { $0("", " " + window) }.joined(separator: ", ") + " FROM t ORDER BY id")
            let joined = try rows(
                "SELECT a.id, " + aggregates.map { $0("b.", "") }.joined(separator: ", ")
                    + " FROM t AS a LEFT JOIN t AS b ON a.g = b.g AND \(join) GROUP BY a.id ORDER BY a.id")
            XCTAssertEqual(windowed.count, 600, frame)
            XCTAssertEqual(windowed, joined, "\(over) \(frame)")
        }
    }

    func testDoubleSums_ReAddNarrowFramesInFrameOrder() throws {
        // Frames of at most 64 rows are summed from their first row, as Spark does: 0.1 + 0.2 + 0.30000000000000004 is 0.6000000000000001.
        let sums = try rows("SELECT sum(d) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) FROM t WHERE id < 4 ORDER BY id")
        XCTAssertEqual(sums, ["0.30000000000000004", "0.6000000000000001", "0.5", "0.30000000000000004"])
    }

    func testWindowErrors_CarrySparksClassAndState() {
        let cases: [(sql: String, errorClass: String, sqlState: JSONValue?)] = [
            ("SELECT rank() FROM t", "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", .string("42601")),
            ("SELECT sum(x) OVER w FROM t", "MISSING_WINDOW_SPECIFICATION", .string("42P20")),
            ("SELECT lag(x) OVER (ORDER BY id ROWS CURRENT ROW) FROM t", "_LEGACY_ERROR_TEMP_1035", nil),
        ]
        for (sql, errorClass, sqlState) in cases {
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { error in
                let details = (error as? EngineError)?.details ?? [:]
                XCTAssertEqual(details["error_class"], .string(errorClass), sql)
                XCTAssertEqual(details["sql_state"], sqlState, sql)
                XCTAssertEqual((error as? EngineError)?.code, .sql, sql)
            }
        }
    }

    func testUnsupportedFrames_AreReportedNotGuessed() {
        let cases: [(sql: String, message: String)] = [
            (
                "SELECT sum(x) OVER (ORDER BY id RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM t",
                "[UNSUPPORTED_FEATURE] The feature is not supported: a RANGE frame offset of type INTERVAL DAY (not implemented by the mock engine). SQLSTATE: 0A000"
            ),
            (
                "SELECT sum(x) OVER (ORDER BY id RANGE BETWEEN CURRENT ROW AND CAST(NULL AS INT) FOLLOWING) FROM t",
                "[UNSUPPORTED_FEATURE] The feature is not supported: a RANGE frame offset of NULL (not implemented by the mock engine). SQLSTATE: 0A000"
            ),
            (
                "SELECT sum(rank() OVER (ORDER BY id)) OVER () FROM t",
                "[UNSUPPORTED_FEATURE] The feature is not supported: a window function inside another window function (not implemented by the mock engine). SQLSTATE: 0A000"
            ),
        ]
        for (sql, message) in cases {
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { error in
                XCTAssertEqual((error as? EngineError)?.description, message, sql)
            }
        }
    }
}
