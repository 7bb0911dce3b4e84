import DBAPICore
import XCTest

@testable import MockEngine

/// The frame strategy of registry aggregates over windows: how many rows each kernel adds and
/// takes back, so running frames stay O(n), retractable kernels slide in O(n), and the others
/// rebuild each moved frame (O(n·w)) — with the same answers either way.
final class WindowKernelFramesTests: XCTestCase {
    /// Counts the calls a kernel gets (shared by its copies).
    private final class Calls {
        var adds = 0
        var retracts = 0
    }

    /// The sum of the non-NULL first arguments in the frame, and how it got there.
    private struct Summing: AggregateKernel {
        let calls: Calls
        var sum: Int64 = 0
        mutating func add(_ arguments: Row) throws(EngineError) {
            calls.adds += 1
            if case .int(let value) = arguments[0] { sum += value }
        }
        func result() throws(EngineError) -> SQLValue { .int(sum) }
    }

    private struct RetractingSum: RetractableAggregateKernel {
        var inner: Summing
        mutating func add(_ arguments: Row) throws(EngineError) { try inner.add(arguments) }
        mutating func retract(_ arguments: Row) throws(EngineError) {
            inner.calls.retracts += 1
            if case .int(let value) = arguments[0] { inner.sum -= value }
        }
        func result() throws(EngineError) -> SQLValue { try inner.result() }
    }

    private let count = 100
    private let context = ExecutionContext(now: 0)
    private var inputs: [Row?] { (0..<count).map { [.int(Int64($0))] } }

    /// Frames `position + low … position + high`, clamped to the partition as `WindowFrameBounds` does.
    private func frames(_ low: Int, _ high: Int) -> (starts: [Int], ends: [Int]) {
        ((0..<count).map { min(max($0 + low, 0), count) }, (0..<count).map { max(min($0 + high, count - 1), -1) })
    }

    /// The expected sums, added up frame by frame.
    private func sums(_ starts: [Int], _ ends: [Int]) -> [SQLValue] {
        zip(starts, ends).map { start, end in .int(start > end ? 0 : (start...end).reduce(Int64(0)) { $0 + Int64($1) }) }
    }

    func testRunningFrames_AddEachRowOnce() throws {
        let calls = Calls()
        let ends = Array(0..<count)
        let starts = [Int](repeating: 0, count: count)
        let values = try WindowKernelFrames.evaluate(Summing(calls: calls), inputs, starts: starts, ends: ends, context)
        XCTAssertEqual(values, sums(starts, ends))
        XCTAssertEqual(calls.adds, count)
    }

    func testSlidingFrames_RetractWhatLeaves() throws {
        let calls = Calls()
        let (starts, ends) = frames(-10, 5)
        let values = try WindowKernelFrames.evaluate(
            RetractingSum(inner: Summing(calls: calls)), inputs, starts: starts, ends: ends, context)
        XCTAssertEqual(values, sums(starts, ends))
        XCTAssertEqual(calls.adds, count)
        XCTAssertEqual(calls.retracts, count - 11)  // every row but the last window's 11 leaves once
    }

    func testSlidingFrames_RebuildKernelsThatCannotRetract() throws {
        let calls = Calls()
        let (starts, ends) = frames(-10, 5)
        let values = try WindowKernelFrames.evaluate(Summing(calls: calls), inputs, starts: starts, ends: ends, context)
        XCTAssertEqual(values, sums(starts, ends))
        // Frames 0…5 through 0…10 grow (16 adds in all); each of the 89 later frames is re-added whole.
        let expected = 16 + zip(starts, ends).dropFirst(11).reduce(0) { $0 + $1.1 - $1.0 + 1 }
        XCTAssertEqual(calls.adds, expected)
    }

    func testFramesPastThePartition_AreEmptyAndNeedNoRows() throws {
        let calls = Calls()
        let (starts, ends) = frames(3, 4)  // the last four rows' frames hold at most one row, the last three none
        let values = try WindowKernelFrames.evaluate(
            RetractingSum(inner: Summing(calls: calls)), inputs, starts: starts, ends: ends, context)
        XCTAssertEqual(values, sums(starts, ends))
        XCTAssertEqual(values.suffix(3), [.int(0), .int(0), .int(0)])
        XCTAssertEqual(calls.adds, count - 3)
    }

    func testUnchangedFrames_ReuseTheResult() throws {
        let calls = Calls()
        let starts = [Int](repeating: 0, count: count)
        let ends = [Int](repeating: count - 1, count: count)  // the whole partition for every row
        let values = try WindowKernelFrames.evaluate(Summing(calls: calls), inputs, starts: starts, ends: ends, context)
        XCTAssertEqual(values, [SQLValue](repeating: .int(4950), count: count))
        XCTAssertEqual(calls.adds, count)
    }

    func testRebuiltFrames_StopWhenTheStatementIsCancelled() {
        let calls = Calls()
        let cancelled = ExecutionContext(now: 0)
        cancelled.cancel()
        let rows: [Row?] = (0..<1_000).map { [.int(Int64($0))] }
        let starts = (0..<1_000).map { max($0 - 60, 0) }  // 61-row frames, rebuilt each: about 60,000 adds uncancelled
        XCTAssertThrowsError(
            try WindowKernelFrames.evaluate(Summing(calls: calls), rows, starts: starts, ends: Array(0..<1_000), cancelled)
        ) { XCTAssertEqual(($0 as? EngineError)?.errorClass, "OPERATION_CANCELED") }
        XCTAssertEqual(calls.adds, 4096)
    }

    func testFilteredRows_AreNeitherAddedNorRetracted() throws {
        let calls = Calls()
        let filtered: [Row?] = (0..<count).map { $0 % 2 == 0 ? [.int(Int64($0))] : nil }
        let (starts, ends) = frames(-3, 0)
        let values = try WindowKernelFrames.evaluate(
            RetractingSum(inner: Summing(calls: calls)), filtered, starts: starts, ends: ends, context)
        let expected = zip(starts, ends).map { start, end in
            SQLValue.int((start...end).filter { $0 % 2 == 0 }.reduce(Int64(0)) { $0 + Int64($1) })
        }
        XCTAssertEqual(values, expected)
        XCTAssertEqual(calls.adds, count / 2)
        XCTAssertEqual(calls.retracts, count / 2 - 2)
    }
}
