import DBAPICore
import DBAPITestSupport
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

    /// Which queries take the limit is found once, when the catalog loads the operation.
    func testCatalog_MarksTheQueriesThatTakeTheLimit() throws {
        let root = TemporaryDirectory()
        root.write(
            "config/operations.json",
            """
            {"items/page": {"pagination": {"default_limit": 2, "max_limit": 5},
              "execution": {"queries": [{"name": "count"}, {"name": "page", "params_map": {"n": "limit"}}]}}}
            """)
        root.write("queries/count.sql", "SELECT count(*) AS n FROM t")
        root.write("queries/page.sql", "SELECT * FROM t LIMIT :n OFFSET :offset")
        let catalog = try OperationCatalog(root: root.path)
        XCTAssertEqual(
            try catalog.declaration("items/page").queries.map(\.takesLimit), [false, false], "not before the templates are read")
        let operation = try catalog.operation("items/page")
        XCTAssertEqual(operation.queries.map(\.takesLimit), [false, true])
        let values: [String: SQLValue] = ["limit": .int(3), "offset": .int(6)]
        XCTAssertNil(operation.page(of: operation.queries[0], values: values))
        XCTAssertEqual(operation.page(of: operation.queries[1], values: values), Pagination.Page(limit: 3, offset: 6))
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
