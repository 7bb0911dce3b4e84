import DBAPICore
import XCTest

@testable import MockEngine

/// Grouping sets, inline tables and aggregate kernels stay bounded on hostile input.
final class GroupingLimitsTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    private func message(_ sql: String) throws -> String? {
        do {
            _ = try engine.execute(sql, now: 0)
            return nil
        } catch let error as EngineError {
            return error.description
        }
    }

    func testHugeCube_IsUnsupportedNotExponential() throws {
        let columns = (1...13).map { "c\($0)" }
        let sql =
            "SELECT count(*) FROM (SELECT 1 AS \(columns.joined(separator: ", 1 AS "))) GROUP BY CUBE(\(columns.joined(separator: ", ")))"
        XCTAssertEqual(
            try message(sql),
            "[UNSUPPORTED_FEATURE] The feature is not supported: CUBE of more than 12 expressions (not implemented by the mock engine). SQLSTATE: 0A000"
        )
    }

    func testGroupingSetProducts_AreBounded() throws {
        let rollups = (1...13).map { "ROLLUP(c\($0))" }.joined(separator: ", ")
        XCTAssertEqual(
            try message("SELECT 1 FROM (SELECT 1 AS c1) GROUP BY \(rollups)"),
            "[UNSUPPORTED_FEATURE] The feature is not supported: GROUP BY with more than 4096 grouping sets (not implemented by the mock engine). SQLSTATE: 0A000"
        )
    }

    func testGroupingSetsOverMoreThan63Expressions_AreUnsupported() throws {
        let columns = (1...64).map { "c\($0)" }
        let sql =
            "SELECT count(*) FROM (SELECT 1 AS \(columns.joined(separator: ", 1 AS "))) GROUP BY ROLLUP(\(columns.joined(separator: ", ")))"
        XCTAssertEqual(
            try message(sql),
            "[UNSUPPORTED_FEATURE] The feature is not supported: grouping sets over more than 63 expressions (not implemented by the mock engine). SQLSTATE: 0A000"
        )
    }

    func testLongValuesList_RunsFlat() throws {
        let rows = (1...20_000).map { "(\($0))" }.joined(separator: ", ")
        let result = try engine.execute("SELECT count(*), sum(col1) FROM VALUES \(rows)", now: 0)
        XCTAssertEqual(result.rows, [[.int(20_000), .int(200_010_000)]])
    }

    func testPercentileFrequencyOverflow_IsAnError() throws {
        let sql = "SELECT percentile(x, 0.5, f) FROM VALUES (1, 9223372036854775807L), (2, 1L) AS t(x, f)"
        XCTAssertEqual(
            try message(sql),
            "[ARITHMETIC_OVERFLOW] percentile frequencies overflow BIGINT. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass "
                + "this error. SQLSTATE: 22003")
    }
}
