import DBAPICore
import DBAPITestSupport
import XCTest

@testable import MockEngine

/// The executor stops its producers once a consumer has enough rows: counted here by a filter
/// that records every row it is asked about.
final class ExecutorTests: XCTestCase {
    private let context = ExecutionContext(now: 0)

    private func table(_ name: String, _ count: Int) -> Plan {
        .scan(Table(name: name, columns: [ResultColumn(name: "n", type: .bigint)], rows: (0..<count).map { [.int(Int64($0))] }))
    }

    /// `plan` filtered by a condition that is always true and counts its calls in `reads`.
    private func counted(_ plan: Plan, _ reads: LockedBox<Int>) -> Plan {
        .filter(
            plan,
            { _, _ in
                reads.withLock { $0 += 1 }
                return .bool(true)
            }, condition: "counted")
    }

    private func crossJoin(_ left: Plan, _ right: Plan) -> Plan {
        .join(
            JoinPlan(
                kind: .cross, left: left, right: right, leftWidth: 1, rightWidth: 1, leftKeys: [], rightKeys: [], residual: nil,
                leftKeyNames: [], rightKeyNames: [], residualName: nil))
    }

    func testLimit_StopsReadingThroughProjectionFilterAndJoin() throws {
        let cases: [(id: String, limit: Int, offset: Int, rows: Int, leftReads: Int)] = [
            ("first rows of the first left row", 5, 0, 5, 1),
            ("offset into the second left row", 3, 150, 3, 2),
            ("limit 0 reads nothing", 0, 0, 0, 0),
            ("a limit past the end reads everything", 200_000, 0, 100_000, 1_000),
        ]
        for (id, limit, offset, rows, leftReads) in cases {
            let reads = LockedBox(0)
            let product = crossJoin(counted(table("l", 1_000), reads), table("r", 100))
            let plan = Plan.limit(.project(product, [{ row, _ in row[1] }], names: ["n"]), limit: limit, offset: offset)
            XCTAssertEqual(try Executor.run(plan, context).count, rows, id)
            XCTAssertEqual(reads.withLock { $0 }, leftReads, id)
        }
    }

    func testRowsAtMost_StopsDistinctUnionAndSharedInputs() throws {
        let cases: [(id: String, plan: (Plan) -> Plan, reads: Int)] = [
            ("distinct", { .distinct($0) }, 2),
            ("union all, left side", { .setOperation(.union, isAll: true, $0, $0) }, 2),
            ("union, left side", { .setOperation(.union, isAll: false, $0, $0) }, 2),
            ("except all", { [self] in .setOperation(.except, isAll: true, $0, table("e", 0)) }, 2),
            ("shared CTE", { .shared(id: 7, $0, name: "c") }, 2),
        ]
        for (id, wrap, expectedReads) in cases {
            let reads = LockedBox(0)
            let rows = try Executor.rows(wrap(counted(table("t", 10_000), reads)), ExecutionContext(now: 0), atMost: 2)
            XCTAssertEqual(rows, [[.int(0)], [.int(1)]], id)
            XCTAssertEqual(reads.withLock { $0 }, expectedReads, id)
        }
    }

    func testSortUnderLimit_SameRowsAsAFullSort() throws {
        var random = SplitMix64(seed: 11)
        let rows: [Row] = (0..<5_000).map { index in
            [Int.random(in: 0..<8, using: &random) == 0 ? .null : .int(Int64.random(in: 0..<50, using: &random)), .int(Int64(index))]
        }
        let input = Plan.scan(Table(name: "t", columns: [], rows: rows))
        for (ascending, nullsFirst) in [(true, true), (false, false), (true, false)] {
            let keys = [SortKey(evaluate: { row, _ in row[0] }, name: "n", isAscending: ascending, nullsFirst: nullsFirst)]
            let full = try Executor.run(.sort(input, keys), context)
            XCTAssertEqual(full.count, rows.count)
            for (limit, offset) in [(1, 0), (5, 0), (10, 995), (700, 3), (6_000, 0), (0, 2)] {
                let limited = try Executor.run(.limit(.sort(input, keys), limit: limit, offset: offset), context)
                XCTAssertEqual(limited, Array(full.dropFirst(offset).prefix(limit)), "asc \(ascending) \(limit) offset \(offset)")
            }
        }
    }
}
