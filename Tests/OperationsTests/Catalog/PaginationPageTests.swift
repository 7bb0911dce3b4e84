import DBAPICore
import SQLText
import XCTest

@testable import Operations

/// Every pagination decision is `Pagination.Page`'s: which queries page, the bound limit, the trim.
final class PaginationPageTests: XCTestCase {
    func testPages_WhenAMarkerTakesTheLimitParameter() throws {
        let cases: [(sql: String, paramsMap: [(marker: String, param: String)], pages: Bool)] = [
            ("SELECT * FROM t LIMIT :limit OFFSET :offset", [], true),
            ("SELECT * FROM t LIMIT :n", [("n", "limit")], true),
            ("SELECT * FROM t LIMIT :limit", [("limit", "size")], false),
            ("SELECT * FROM t WHERE a = :offset", [], false),
            ("SELECT ':limit' AS text", [], false),
        ]
        for (sql, paramsMap, pages) in cases {
            let query = QuerySpec(name: "q", paramsMap: paramsMap, resultKey: "rows", line: nil)
            XCTAssertEqual(Pagination.pages(query, try Template(parsing: sql)), pages, sql)
        }
    }

    func testPage_BindsOneMoreRowAndTrimsToTheLimit() {
        let page = Pagination.Page(limit: 3, offset: 6)
        XCTAssertEqual(page.boundLimit, 4)
        let cases: [(fetched: Int, kept: Int, hasMore: Bool)] = [(0, 0, false), (2, 2, false), (3, 3, false), (4, 3, true)]
        for (fetched, kept, hasMore) in cases {
            var rows = Array(0..<fetched)
            XCTAssertEqual(page.trim(&rows), hasMore, "\(fetched) rows")
            XCTAssertEqual(rows, Array(0..<kept))
        }
        XCTAssertEqual(
            page.meta(returned: 3, hasMore: true),
            .object(JSONObject([("limit", .int(3)), ("offset", .int(6)), ("returned", .int(3)), ("has_more", .bool(true))])))
    }
}
