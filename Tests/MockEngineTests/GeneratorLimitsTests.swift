import DBAPICore
import XCTest

@testable import MockEngine

/// Bounds on generators and lambdas: what a statement can make the engine build or nest.
final class GeneratorLimitsTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    func testRangeBeyondTheRowCap_IsUnsupportedNotAMemoryBomb() throws {
        XCTAssertThrowsError(try engine.execute("SELECT count(*) FROM range(0, 9223372036854775807, 2)", now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[UNSUPPORTED_FEATURE] The feature is not supported: range() of more than 10000000 rows (not implemented by the mock "
                    + "engine). SQLSTATE: 0A000")
        }
        XCTAssertThrowsError(try engine.execute("SELECT * FROM range(10000001) LIMIT 1", now: 0))
        XCTAssertEqual(try engine.execute("SELECT count(*), max(id) FROM range(2 * 500)", now: 0).rows, [[.int(1_000), .int(999)]])
    }

    /// Values verified with PySpark 4.3.0.
    func testRangeAtTheEdgesOfBigint_DoesNotOverflow() throws {
        let table: [(String, [[SQLValue]])] = [
            ("SELECT * FROM range(9223372036854775806, 9223372036854775807)", [[.int(Int64.max - 1)]]),
            ("SELECT * FROM range(-9223372036854775807 - 1, -9223372036854775807, 5)", [[.int(Int64.min)]]),
        ]
        for (sql, rows) in table {
            XCTAssertEqual(try engine.execute(sql, now: 0).rows, rows, sql)
        }
    }

    func testDeeplyNestedLambdas_AreAnErrorNotACrash() throws {
        var sql = "x0"
        for depth in 1...150 { sql = "transform(array(1), x\(depth) -> \(sql))" }
        XCTAssertThrowsError(try engine.execute("SELECT " + sql, now: 0)) { error in
            XCTAssertEqual((error as? EngineError)?.errorClass, "FAILED_TO_PARSE_TOO_COMPLEX")
        }
    }

    func testNestedLambdas_ReadTheirOwnAndEnclosingVariables() throws {
        let sql = "SELECT transform(array(1, 2), x -> aggregate(array(10, 20), x, (acc, y) -> acc + y * x, acc -> acc - x))"
        XCTAssertEqual(
            try engine.execute(sql, now: 0).rows, [[.array([.int(30), .int(60)])]])
    }
}
