import DBAPICore
import XCTest

@testable import MockEngine

/// `SQLEngine.tablesRead(by:)`, which `snapshot --for OP` uses: the tables a statement reads, found
/// in its syntax tree.
final class TablesReadTests: XCTestCase {
    func testTables_InOrderOnce_CTENamesLeftOut() throws {
        let cases: [(String, [String])] = [
            ("SELECT 1", []),
            (
                "SELECT * FROM retail.orders o JOIN retail.customers c ON o.customer_id = c.customer_id",
                ["retail.orders", "retail.customers"]
            ),
            ("SELECT * FROM a, b, A", ["a", "b"]),
            ("WITH recent AS (SELECT * FROM orders) SELECT * FROM recent JOIN recent r2 ON true", ["orders"]),
            ("WITH a AS (SELECT * FROM t1), b AS (SELECT * FROM a JOIN t2 ON true) SELECT * FROM b", ["t1", "t2"]),
            ("WITH x AS (SELECT * FROM x) SELECT * FROM x", ["x"]),  // a CTE's body does not see its own name
            ("WITH x AS (SELECT 1 AS v) SELECT * FROM db.x", ["db.x"]),
            ("SELECT * FROM t WHERE id IN (SELECT id FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.id = t.id)", ["t", "u", "v"]),
            ("SELECT (SELECT max(p) FROM prices) AS top, lower(s) FROM (SELECT s FROM names) n", ["prices", "names"]),
            (
                "SELECT a FROM t1 UNION ALL SELECT a FROM t2 EXCEPT SELECT a FROM t3 ORDER BY (SELECT 1 FROM t4 LIMIT 1)",
                ["t1", "t2", "t3", "t4"]
            ),
            ("SELECT * FROM t LATERAL VIEW explode(xs) e AS x", ["t"]),
            ("SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.k = t.k)", ["t", "u"]),
            ("SELECT * FROM (VALUES (1), ((SELECT max(v) FROM w))) AS t(x)", ["w"]),
            ("SELECT * FROM range(3) JOIN `my-db`.`my table` ON true", ["my-db.my table"]),
            ("SELECT count(*) FILTER (WHERE x > (SELECT avg(x) FROM s)) FROM s GROUP BY y HAVING sum(x) > 0", ["s"]),
            ("SELECT * FROM sales PIVOT (sum(amount) FOR quarter IN ('Q1', 'Q2'))", ["sales"]),
        ]
        for (sql, tables) in cases {
            XCTAssertEqual(try SQLEngine.tablesRead(by: sql), tables, sql)
        }
    }

    func testUnparsableStatement_IsASyntaxError() {
        XCTAssertThrowsError(try SQLEngine.tablesRead(by: "SELECT a b c")) { error in
            XCTAssertEqual((error as? EngineError)?.errorClass, "PARSE_SYNTAX_ERROR")
        }
    }
}
