import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// Interval features at the edges of the value ranges, where Spark's answer is a Java exception the oracle
/// cannot compare: the engine must report an error, never trap, and keep refusing what it cannot run exactly.
final class IntervalEdgeTests: XCTestCase {
    private func engine() throws -> SQLEngine {
        let scripts = try XCTUnwrap(Bundle.module.url(forResource: "Scripts", withExtension: nil))
        return SQLEngine(catalog: try MockCatalog(directory: scripts.appendingPathComponent("data").path))
    }

    func testEdgeCases_AreErrorsWithSparkClasses() throws {
        let engine = try engine()
        let cases: [(sql: String, errorClass: String)] = [
            // A DATE far beyond TIMESTAMP's range has no microsecond value to step from.
            ("SELECT sequence(make_date(5000000, 1, 1), make_date(5000000, 1, 3), INTERVAL 1 DAY)", "ARITHMETIC_OVERFLOW"),
            ("SELECT sequence(DATE '2024-01-01', DATE '2024-01-02', INTERVAL 12 HOURS)", "INVALID_PARAMETER_VALUE"),
            ("SELECT sequence(DATE '2024-01-05', DATE '2024-01-01', INTERVAL 1 DAY)", "INVALID_PARAMETER_VALUE"),
            (
                "SELECT sequence(TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 03:00:00', INTERVAL -1 HOUR)",
                "INVALID_PARAMETER_VALUE"
            ),
            ("SELECT make_interval(1, 2)", "UNSUPPORTED_FEATURE"),
            ("SELECT from_json('{\"a\":1}', 'a INT', map('mode', 'FAILFAST'))", "UNSUPPORTED_FEATURE"),
            ("SELECT from_json('{\"a\":1}', 'a INT', map('dateFormat', 'yyyy'))", "UNSUPPORTED_FEATURE"),
            ("SELECT from_json('{\"a\":1}', 'a TIMESTAMP_NTZ')", "UNSUPPORTED_FEATURE"),
            ("SELECT schema_of_json('not json')", "UNSUPPORTED_FEATURE"),
        ]
        for (sql, errorClass) in cases {
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { error in
                XCTAssertEqual((error as? EngineError)?.errorClass, errorClass, sql)
            }
        }
    }

    func testIllegalBoundaries_NameTheValuesAsSparkDoes() throws {
        let engine = try engine()
        XCTAssertThrowsError(try engine.execute("SELECT sequence(DATE '2024-01-05', DATE '2024-01-01', INTERVAL 1 DAY)", now: 0)) {
            XCTAssertTrue(
                "\($0)".contains("Illegal sequence boundaries: 19727 to 19723 by 1"), "\($0)")  // Spark: "… 19727 to 19723 by 1"
        }
    }
}
