import DBAPICore
import XCTest

@testable import Operations

final class RowStreamerTests: XCTestCase {
    /// A stream of `batches` that counts how many were fetched.
    private func stream(_ batches: [[Int64]], fetched: LockedBox<Int>) -> ResultStream {
        ResultStream(columns: [ResultColumn(name: "n", type: .bigint)]) {
            fetched.withLock { count in
                defer { count += 1 }
                return count < batches.count ? .rows(batches[count].map { [.int($0)] }) : nil
            }
        }
    }

    /// Slices handed over, as the first and last value of each.
    private final class Slices: RowSink {
        let seen = LockedBox<[ClosedRange<Int64>]>([])
        func begin(_ placement: RowPlacement) {}
        func write(_ batch: RowBatch, rows: Range<Int>) {
            let values = batch.rows(rows).compactMap { row -> Int64? in if case .int(let n) = row[0] { n } else { nil } }
            if let first = values.first, let last = values.last { seen.withLock { $0.append(first...last) } }
        }
    }

    func testDelivery_SlicesCapAndHasMore() async throws {
        let big = Array(Int64(0)..<2_500)
        let cases: [(batches: [[Int64]], cap: Int?, slices: [ClosedRange<Int64>], delivery: RowStreamer.Delivery, fetched: Int)] = [
            ([big, [2_500]], nil, [0...1_023, 1_024...2_047, 2_048...2_499, 2_500...2_500], .init(rows: 2_501, hasMore: false), 3),
            // The cap falls inside a batch: there are more, and no further batch is fetched.
            ([Array(big[..<1_500]), [1_500]], 1_100, [0...1_023, 1_024...1_099], .init(rows: 1_100, hasMore: true), 1),
            // The cap ends a batch: the next batch tells whether there are more (an empty one does not).
            ([[0, 1], [2]], 2, [0...1], .init(rows: 2, hasMore: true), 2),
            ([[0, 1], [], []], 2, [0...1], .init(rows: 2, hasMore: false), 4),
            ([[0, 1]], 5, [0...1], .init(rows: 2, hasMore: false), 2),
            ([[]], nil, [], .init(rows: 0, hasMore: false), 2),
        ]
        for (batches, cap, slices, delivery, fetched) in cases {
            let count = LockedBox(0)
            let sink = Slices()
            let result = try await RowStreamer.deliver(stream(batches, fetched: count), to: sink, cap: cap)
            XCTAssertEqual(result, delivery, "\(cap as Any)")
            XCTAssertEqual(sink.seen.withLock { $0 }, slices, "\(cap as Any)")
            XCTAssertEqual(count.withLock { $0 }, fetched, "\(cap as Any)")
        }
    }
}
