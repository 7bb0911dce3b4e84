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
              "items/broken": {"execution": {"queries": [{"name": "broken"}]}},
              "items/runaway": {
                "params": {"ids": {"type": "array", "items": "integer", "required": true}, "n": {"type": "array", "items": "integer"}},
                "execution": {
                  "queries": [{"name": "by_ids", "result_key": "rows"}],
                  "response_mapping": {
                    "count": "len(results['rows'])",
                    "spin": "len([1 for a in params['n'] for b in params['n'] for c in params['n'] if False])",
                    "echo": "[results['rows']] * 900000"
                  }
                }
              },
              "items/huge": {
                "pagination": {"default_limit": 2, "max_limit": 2147483646},
                "execution": {"queries": [{"name": "page_all", "result_key": "items"}]}
              },
              "items/own": {
                "params": {"limit": {"type": "integer", "default": 5}, "offset": {"type": "integer", "default": 0}},
                "pagination": {"default_limit": 2, "max_limit": 3},
                "execution": {"queries": [{"name": "page_all", "result_key": "items"}]}
              }
            }
            """)
        root.write("queries/page.sql", "SELECT id FROM items WHERE id >= :min ORDER BY id LIMIT :limit OFFSET :offset")
        root.write("queries/page_all.sql", "SELECT id FROM items ORDER BY id LIMIT :limit OFFSET :offset")
        root.write("queries/by_ids.sql", "SELECT id, price FROM items WHERE id IN :ids ORDER BY id")
        root.write("queries/broken.sql", "SELECT nope FROM items")
        root.write("config/mock-data/items.csv", "id,price\n1,1.50\n2,2.25\n3,0.25\n4,10.00\n5,1.00\n")
        root.write(
            "config/mock-data/items.schema.json",
            #"{"columns": [{"name": "id", "type": "INT"}, {"name": "price", "type": "DECIMAL(6,2)"}]}"#)
    }

    private func run(_ name: String, _ raw: [String: RawParam], rows sink: (any RowSink)? = nil) async throws -> Envelope {
        let runner = OperationRunner(
            catalog: try OperationCatalog(root: root.path),
            backend: MockBackend(catalog: try MockCatalog(directory: root.path + "/config/mock-data")))
        return await runner.run(name, raw: raw, meta: JSONObject([("correlation_id", .string("c-1"))]), rows: sink)
    }

    /// A run streamed to a sink hands it the rows the collected run puts in `data`, under the same key,
    /// with the same pagination and row counts in `meta`; a mapped operation is collected whatever.
    func testStreamedRun_HandsTheSinkTheCollectedRows() async throws {
        let cases: [[String: RawParam]] = [[:], ["offset": .text("3")], ["limit": .text("3"), "min": .text("4")], ["min": .text("9")]]
        for raw in cases {
            let collected = try await run("items/page", raw)
            let sink = RecordingSink()
            let streamed = try await run("items/page", raw, rows: sink)
            XCTAssertEqual(sink.placements.withLock { $0 }, [.objects(key: "items", columns: ["id"])], "\(raw)")
            let rows = sink.rows.withLock { $0 }.map { row in JSONValue.object(JSONObject([("id", row[0].json)])) }
            XCTAssertEqual(.array(rows), collected.data["items"], "\(raw)")
            XCTAssertEqual(streamed.meta["pagination"], collected.meta["pagination"], "\(raw)")
            XCTAssertNotNil(streamed.meta["pagination"])
            XCTAssertEqual(streamed.meta["queries"]?.array?.first?["rows"], collected.meta["queries"]?.array?.first?["rows"])
        }
        let sink = RecordingSink()
        let mapped = try await run("items/summary", ["ids": .text("1,2")], rows: sink)
        XCTAssertEqual(mapped.data["count"], .int(2))
        XCTAssertEqual(sink.placements.withLock { $0 }, [])
        let failed = try await run("items/broken", [:], rows: sink)
        XCTAssertEqual(failed.error?.code, .sql)
        XCTAssertEqual(sink.rows.withLock { $0 }.count, 0)
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

    func testPagination_LimitAndOffsetOutsideSparkINTAreParameterErrors() async throws {
        let limit =
            "limit must be an integer from 0 to 2147483646 for pagination (Spark's LIMIT takes an INT and one more row is fetched), got "
        let offset = "offset must be an integer from 0 to 2147483647 for pagination (Spark's OFFSET takes an INT), got "
        // The limit and offset pagination adds are declared with the INT range (max_limit ≤ 2147483646).
        let declared = "limit must be an integer between 1 and 2147483646, got "
        let declaredOffset = "offset must be an integer between 0 and 2147483647, got "
        let cases: [(String, [String: RawParam], String)] = [
            ("items/huge", ["limit": .text("9223372036854775807")], declared + #""9223372036854775807""#),
            ("items/huge", ["limit": .json(.int(2_147_483_647))], declared + "2147483647"),
            ("items/huge", ["offset": .text("9223372036854775807")], declaredOffset + #""9223372036854775807""#),
            ("items/own", ["limit": .text("-1")], limit + #""-1""#),
            ("items/own", ["limit": .json(.int(Int64.min))], limit + "-9223372036854775808"),
            ("items/own", ["offset": .text("-5")], offset + #""-5""#),
        ]
        for (name, raw, message) in cases {
            let envelope = try await run(name, raw)
            XCTAssertEqual(envelope.error?.description, message, "\(name) \(raw)")
            XCTAssertEqual(envelope.exitStatus, 65, "\(name) \(raw)")
        }
        let largest = try await run("items/huge", ["limit": .text("2147483646"), "offset": .text("2147483647")])
        XCTAssertEqual(largest.meta["pagination"]?["has_more"], .bool(false), "\(String(describing: largest.error))")
        let empty = try await run("items/own", ["limit": .text("0")])
        XCTAssertEqual(empty.data["items"], .array([]))
        XCTAssertEqual(empty.meta["pagination"]?["has_more"], .bool(true))
    }

    func testMappingLimits_NameTheKey() async throws {
        let thousand = JSONValue.array((0..<1_000).map { .int(Int64($0)) })
        let spin = try await run("items/runaway", ["ids": .text("1,2"), "n": .json(thousand)])
        XCTAssertEqual(spin.error?.description, "response_mapping.spin: expression took more than 10000000 evaluation steps")
        XCTAssertEqual(spin.exitStatus, 78)
        XCTAssertEqual(spin.error?.details["mapping_key"], .string("spin"))
        let root = try OperationCatalog(root: root.path)
        let echo = try XCTUnwrap(root.operation("items/runaway").responseMapping?.last?.expression)
        let row = MappingValue.dict(MappingDict(["id": .int(1), "price": .int(2)]))
        let rows = MappingValue.list([row, row])
        let value = try echo.evaluate(["results": .dict(MappingDict(["rows": rows]))])
        var size = MappingResultSize(MappingLimits())
        XCTAssertThrowsError(try size.add(value)) {
            XCTAssertEqual(
                ($0 as? MappingError)?.description,
                "the mapped data would hold more than 4000000 values or 67108864 bytes of text once written out")
        }
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
        XCTAssertEqual(
            broken.error?.description,
            "query broken: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` cannot be resolved. "
                + "Did you mean one of the following? [`id`, `price`]. SQLSTATE: 42703"
        )
        XCTAssertEqual(broken.exitStatus, 67)
        XCTAssertEqual(broken.error?.details["query"], .string("broken"))
        let unknown = try await run("items/summary", ["ids": .text("1"), "idz": .text("2")])
        XCTAssertEqual(unknown.error?.description, "unknown parameter 'idz'; known parameters: ids")
    }
}

/// Records what a run streams.
private final class RecordingSink: RowSink {
    let placements = LockedBox<[RowPlacement]>([])
    let rows = LockedBox<[Row]>([])

    func begin(_ placement: RowPlacement) { placements.withLock { $0.append(placement) } }

    func write(_ batch: RowBatch, rows range: Range<Int>) { rows.withLock { $0 += batch.rows(range) } }
}
