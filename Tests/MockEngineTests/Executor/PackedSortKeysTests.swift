import DBAPICore
import XCTest

@testable import MockEngine

/// Window sort keys packed into integers sort as `ValueOrder` and the key's direction and NULL order say.
final class PackedSortKeysTests: XCTestCase {
    private func order(_ values: [SQLValue], ascending: Bool, nullsFirst: Bool) -> [Int] {
        let key = SortKey(evaluate: { _, _ in .null }, name: "k", isAscending: ascending, nullsFirst: nullsFirst)
        return PackedSortKeys(rows: values.count, [], partitionWidth: 0, values, keys: [key]).sortedIndexes()
    }

    func testSortedIndexes_FollowSparksOrder() {
        let doubles: [SQLValue] = [.double(.nan), .double(1), .null, .double(-0.0), .double(0), .double(.nan)]
        let strings: [SQLValue] = [.string("b"), .string("a"), .null, .string("a"), .string("É")]
        let cases: [(id: String, values: [SQLValue], ascending: Bool, nullsFirst: Bool, expected: [Int])] = [
            ("doubles ascending: NaN last, -0.0 equals 0.0, ties in input order", doubles, true, true, [2, 3, 4, 1, 0, 5]),
            ("doubles descending, NULLS LAST", doubles, false, false, [0, 5, 1, 3, 4, 2]),
            ("strings by code point", strings, true, false, [1, 3, 0, 4, 2]),
            ("integers with the extremes", [.int(Int64.max), .int(Int64.min), .int(0)], false, true, [0, 2, 1]),
        ]
        for (id, values, ascending, nullsFirst, expected) in cases {
            XCTAssertEqual(order(values, ascending: ascending, nullsFirst: nullsFirst), expected, id)
        }
    }

    func testPartitions_GroupEqualKeys() {
        let values: [SQLValue] = [.string("x"), .null, .string("y"), .string("x"), .null]
        let packed = PackedSortKeys(rows: values.count, values, partitionWidth: 1, [], keys: [])
        let order = packed.sortedIndexes()
        XCTAssertEqual(order, [1, 4, 0, 3, 2])
        XCTAssertEqual(packed.partitions(of: order), [0..<2, 2..<4, 4..<5])
    }
}
