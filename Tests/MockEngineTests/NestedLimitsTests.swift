import DBAPICore
import XCTest

@testable import MockEngine

/// Nested values cannot make a query exhaust the stack or memory: subscript chains, nested type names
/// and built arrays are bounded, each an error with Spark's class or UNSUPPORTED_FEATURE.
final class NestedLimitsTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    private func error(_ sql: String) throws -> String? {
        do {
            _ = try engine.execute(sql, now: 0)
            return nil
        } catch let error as EngineError {
            return error.description
        }
    }

    func testLongSubscriptAndFieldChains_AreBounded() throws {
        let chain = try error("SELECT array(1)" + String(repeating: "[0]", count: 5_000))
        XCTAssertEqual(chain?.hasPrefix("[FAILED_TO_PARSE_TOO_COMPLEX] The statement is nested or chained too deeply"), true)
        let fields = try error("SELECT named_struct('a', 1)" + String(repeating: ".a", count: 5_000))
        XCTAssertEqual(fields?.hasPrefix("[FAILED_TO_PARSE_TOO_COMPLEX]"), true)
        XCTAssertEqual(try engine.execute("SELECT array(array(array(7)))[0][0][0] AS x", now: 0).rows, [[.int(7)]])
    }

    func testDeeplyNestedTypeNames_AreBounded() throws {
        let deep = String(repeating: "ARRAY<", count: 5_000) + "INT" + String(repeating: ">", count: 5_000)
        XCTAssertEqual(try error("SELECT CAST(NULL AS \(deep))")?.hasPrefix("[FAILED_TO_PARSE_TOO_COMPLEX]"), true)
        XCTAssertNil(SQLType(sparkName: String(repeating: "struct<a: ", count: 40) + "int" + String(repeating: ">", count: 40)))
    }

    func testBuiltArrays_AreBounded() throws {
        let cases = [
            ("SELECT sequence(1, 2000000)", "sequence"), ("SELECT sequence(-9223372036854775807L, 9223372036854775807L)", "sequence"),
            ("SELECT sequence(0L, -9223372036854775807L - 1L, -1L)", "sequence"), ("SELECT array_repeat('x', 2000000)", "array_repeat"),
        ]
        for (sql, function) in cases {
            XCTAssertEqual(
                try error(sql),
                "[UNSUPPORTED_FEATURE] The feature is not supported: \(function) building an array of more than 1000000 elements "
                    + "(not implemented by the mock engine). SQLSTATE: 0A000", sql)
        }
        XCTAssertEqual(try engine.execute("SELECT size(sequence(1, 1000000)) AS n", now: 0).rows, [[.int(1_000_000)]])
    }
}
