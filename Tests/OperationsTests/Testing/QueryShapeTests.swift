import SQLText
import XCTest

@testable import Operations

final class QueryShapeTests: XCTestCase {
    func testOrderAndVolatileColumns_AreReadFromTheOutermostQuery() throws {
        let cases: [(String, Bool, [QueryShape.Column])] = [
            ("SELECT 1 AS ok, current_timestamp() AS server_time", false, [.position(1)]),
            ("SELECT a FROM t ORDER BY a", true, []),
            ("SELECT a, row_number() OVER (ORDER BY a) FROM t", false, []),
            ("WITH x AS (SELECT a FROM t ORDER BY a) SELECT a FROM x", false, []),
            ("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1", true, []),
            ("SELECT DISTINCT now(), a, rand(3) r FROM t", false, [.position(0), .position(2)]),
            ("SELECT a, CURRENT_DATE AS d, uuid() FROM t WHERE b < current_date", false, [.position(1), .position(2)]),
            ("SELECT *, current_timestamp() AS `at` FROM t", false, [.name("at")]),
            ("SELECT t.*, now() FROM t", false, []),
            ("SELECT x.now(), f(a, (SELECT max(b) FROM u)) FROM t", false, []),
            ("SELECT a FROM (SELECT now() AS a) s", false, []),
            ("SELECT unix_timestamp(), date_format(now(), 'y') AS y FROM t LIMIT :n", false, [.position(0), .position(1)]),
        ]
        for (sql, ordered, volatile) in cases {
            let shape = QueryShape(try Template(parsing: sql))
            XCTAssertEqual(shape.isOrdered, ordered, sql)
            XCTAssertEqual(shape.volatileColumns, volatile, sql)
        }
    }
}
