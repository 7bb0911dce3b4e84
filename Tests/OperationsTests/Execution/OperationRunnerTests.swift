import DBAPICore
import DBAPITestSupport
import MockEngine
import XCTest

@testable import Operations

final class OperationRunnerTests: XCTestCase {
    private var root: TemporaryDirectory!

    override func setUp() {
        root = TemporaryDirectory()
        root.write(
            "config/operations.json",
            """
            {
              "items/page": {
                "params": {"min": {"type": "integer", "default": 0}},
                "pagination": {"default_limit": 2, "max_limit": 3},
                "execution": {"queries": [{"name": "page", "result_key": "items"}]}
              },
              "items/summary": {
                "params": {"ids": {"type": "array", "items": "integer", "required": true}},
                "execution": {
                  "queries": [{"name": "by_ids", "result_key": "rows"}],
                  "response_mapping": {"count": "len(results['rows'])", "total": "sum([r['price'] for r in results['rows']])", "first": "results['rows'][0]['id']"}
                }
              },
              "items/broken": {"execution": {"queries": [{"name": "broken"}]}}
            }
            """)
        root.write("queries/page.sql", "SELECT id FROM items WHERE id >= :min ORDER BY id LIMIT :limit OFFSET :offset")
        root.write("queries/by_ids.sql", "SELECT id, price FROM items WHERE id IN :ids ORDER BY id")
        root.write("queries/broken.sql", "SELECT nope FROM items")
        root.write("config/mock-data/items.csv", "id,price\n1,1.50\n2,2.25\n3,0.25\n4,10.00\n5,1.00\n")
        root.write(
            "config/mock-data/items.schema.json",
            #"{"columns": [{"name": "id", "type": "INT"}, {"name": "price", "type": "DECIMAL(6,2)"}]}"#)
    }

    private func run(_ name: String, _ raw: [String: RawParam]) async throws -> Envelope {
        let runner = OperationRunner(
            catalog: try OperationCatalog(root: root.path),
            backend: MockBackend(catalog: try MockCatalog(directory: root.path + "/config/mock-data")))
        return await runner.run(name, raw: raw, meta: JSONObject([("correlation_id", .string("c-1"))]))
    }

    func testPagination_FetchesOneExtraRowForHasMore() async throws {
        let cases: [([String: RawParam], [Int64], JSONValue)] = [
            (
                [:], [1, 2],
                .object(JSONObject([("limit", .int(2)), ("offset", .int(0)), ("returned", .int(2)), ("has_more", .bool(true))]))
            ),
            (
                ["offset": .text("3")], [4, 5],
                .object(JSONObject([("limit", .int(2)), ("offset", .int(3)), ("returned", .int(2)), ("has_more", .bool(false))]))
            ),
            (
                ["limit": .text("3"), "min": .text("4")], [4, 5],
                .object(JSONObject([("limit", .int(3)), ("offset", .int(0)), ("returned", .int(2)), ("has_more", .bool(false))]))
            ),
        ]
        for (raw, ids, pagination) in cases {
            let envelope = try await run("items/page", raw)
            XCTAssertTrue(envelope.isSuccess, "\(raw)")
            XCTAssertEqual(envelope.data["items"], .array(ids.map { .object(JSONObject([("id", .int($0))])) }), "\(raw)")
            XCTAssertEqual(envelope.meta["pagination"], pagination, "\(raw)")
            XCTAssertEqual(envelope.meta["queries"]?.array?.first?["rows"], .int(Int64(ids.count)))
        }
        let tooMany = try await run("items/page", ["limit": .text("4")])
        XCTAssertEqual(tooMany.error?.description, #"limit must be an integer between 1 and 3, got "4""#)
        XCTAssertEqual(tooMany.exitStatus, 65)
    }

    func testMapping_ShapesDataWithExactDecimals() async throws {
        let envelope = try await run("items/summary", ["ids": .json(.array([.int(1), .int(2), .int(9)]))])
        XCTAssertEqual(JSONWriter().string(envelope.data), #"{"count":2,"total":3.75,"first":1}"#)
        XCTAssertEqual(envelope.meta.keys, ["operation", "backend", "correlation_id", "duration_ms", "queries"])
    }

    func testFailures_NameTheMappingKeyOrTheQuery() async throws {
        let empty = try await run("items/summary", ["ids": .text("42")])
        XCTAssertEqual(empty.error?.description, "response_mapping.first: IndexError: index 0 out of range for a list of 0")
        XCTAssertEqual(empty.error?.code, .configuration)
        let broken = try await run("items/broken", [:])
        XCTAssertEqual(broken.error?.description, "query broken: [UNRESOLVED_COLUMN] column 'nope' cannot be resolved")
        XCTAssertEqual(broken.exitStatus, 67)
        XCTAssertEqual(broken.error?.details["query"], .string("broken"))
        let unknown = try await run("items/summary", ["ids": .text("1"), "idz": .text("2")])
        XCTAssertEqual(unknown.error?.description, "unknown parameter 'idz'; known parameters: ids")
    }
}
