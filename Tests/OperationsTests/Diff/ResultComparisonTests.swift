import DBAPICore
import XCTest

@testable import Operations

final class ResultComparisonTests: XCTestCase {
    func testAgree_DecimalsExactly_DoublesWithinNUlps() {
        let one = 1.0
        let cases: [(SQLValue, SQLValue, Double, Bool)] = [
            (.double(one), .double(one.nextUp), 1, true),
            (.double(one), .double(one.nextUp.nextUp), 1, false),
            (.double(one), .double(one.nextUp.nextUp), 2, true),
            (.double(.nan), .double(.nan), 1, true),
            (.double(.infinity), .double(.infinity), 1, true),
            (.double(.infinity), .double(.greatestFiniteMagnitude), 1e300, false),
            (.decimal(SQLDecimal(unscaled: 150, scale: 2)), .decimal(SQLDecimal(unscaled: 15, scale: 1)), 1, true),
            (.decimal(SQLDecimal(unscaled: 150, scale: 2)), .decimal(SQLDecimal(unscaled: 151, scale: 2)), 1e9, false),
            (.array([.double(one)]), .array([.double(one.nextUp)]), 1, true),
            (.array([.double(one)]), .array([.double(one), .null]), 1, false),
            (.struct([SQLField("a", .double(one))]), .struct([SQLField("b", .double(one))]), 1, false),
            (.string("a"), .string("a"), 1, true),
            (.int(1), .double(1), 1, false),
        ]
        for (a, b, ulps, expected) in cases {
            XCTAssertEqual(ResultComparison.agree(a, b, ulps: ulps), expected, "\(a) \(b) \(ulps)")
        }
    }

    func testIsOrdered_OnlyATopLevelOrderBy() {
        let cases: [(String, Bool)] = [
            ("SELECT a FROM t ORDER BY a", true),
            ("select a from t order  by a desc limit 3", true),
            ("SELECT a, row_number() OVER (ORDER BY a) FROM t", false),
            ("SELECT * FROM (SELECT a FROM t ORDER BY a) s", false),
            ("SELECT 'ORDER BY' AS text FROM t", false),
            ("SELECT a FROM t -- ORDER BY a", false),
        ]
        for (sql, expected) in cases { XCTAssertEqual(ResultComparison.isOrdered(sql), expected, sql) }
    }

    func testMultisets_CountRepeatsAndPairRoundedRows() {
        let columns = [ResultColumn(name: "x", type: .double)]
        let left = ResultSet(columns: columns, rows: [[.double(1)], [.double(1)], [.double(0.1 + 0.2)]])
        let right = ResultSet(columns: columns, rows: [[.double(0.3)], [.double(1)], [.double(2)]])
        XCTAssertEqual(
            ResultComparison(left, right, ordered: false).differences,
            [.rowOnly(onLeft: true, row: [.double(1)]), .rowOnly(onLeft: false, row: [.double(2)])])
        XCTAssertEqual(ResultComparison(left, left, ordered: true).differences, [])
    }
}
