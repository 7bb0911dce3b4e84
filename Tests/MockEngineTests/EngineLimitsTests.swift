import DBAPICore
import XCTest

@testable import MockEngine

final class EngineLimitsTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    func testDeepParentheses_AreAnErrorNotACrash() {
        let sql = "SELECT " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        XCTAssertThrowsError(try engine.execute(sql, now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[FAILED_TO_PARSE_TOO_COMPLEX] The statement is nested or chained too deeply to parse (more than 100 levels) at line 1, "
                    + "column 57. SQLSTATE: 54001")
        }
    }

    func testLongOperatorChains_AreBounded() {
        let sql = "SELECT " + Array(repeating: "1", count: 3_000).joined(separator: " + ")
        XCTAssertThrowsError(try engine.execute(sql, now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description.hasPrefix(
                    "[FAILED_TO_PARSE_TOO_COMPLEX] The statement is nested or chained too deeply to parse (more than 2000 levels)"),
                true)
        }
        XCTAssertEqual(
            try engine.execute("SELECT " + Array(repeating: "1", count: 1_000).joined(separator: " + "), now: 0).rows, [[.int(1_000)]])
    }

    func testDeepNotAndNegation_AreBounded() {
        XCTAssertThrowsError(try engine.execute("SELECT " + String(repeating: "NOT ", count: 5_000) + "TRUE", now: 0))
        XCTAssertThrowsError(try engine.execute("SELECT " + String(repeating: "- ", count: 5_000) + "1", now: 0))
    }

    func testSyntaxError_PointsWithCaret() {
        XCTAssertThrowsError(try engine.execute("SELECT 1,\n  2 +* 3", now: 0)) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[PARSE_SYNTAX_ERROR] Syntax error at or near '*': expected an expression (line 2, column 6). SQLSTATE: 42601\n"
                    + "    2 +* 3\n       ^")
        }
    }
}
