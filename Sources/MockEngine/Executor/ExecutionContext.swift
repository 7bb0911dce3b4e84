import DBAPICore

/// Per-statement state shared by every evaluator: outer rows of correlated subqueries, the
/// statement's fixed clock, and results computed once (uncorrelated subqueries, shared CTEs).
final class ExecutionContext: Sendable {
    /// `current_timestamp()` for the whole statement, microseconds since the epoch (UTC).
    let now: Int64
    private let outerRows = LockedBox<[Row]>([])
    private let cache = LockedBox<[Int: [Row]]>([:])
    private let isCancelled = LockedBox(false)

    init(now: Int64) { self.now = now }

    /// Asks the statement to stop: the executor's row loops notice within a few thousand rows.
    func cancel() { isCancelled.withLock { $0 = true } }

    /// Throws Spark's OPERATION_CANCELED once the statement was cancelled. Loops call it every
    /// `cancellationStride` rows, which keeps its cost out of the per-row budget.
    func checkCancellation() throws(EngineError) {
        if isCancelled.withLock({ $0 }) {
            throw EngineError.classified(errorClass: "OPERATION_CANCELED", sqlState: "HY008", message: "Operation has been canceled.")
        }
    }

    /// Rows between two cancellation checks in a loop (a power of two: loops test `count & mask`).
    static let cancellationMask = 4095

    /// The row `depth` levels out (1 = the query enclosing the current subquery).
    func outerRow(depth: Int) -> Row {
        outerRows.withLock { rows in
            let index = rows.count - depth
            return index >= 0 && index < rows.count ? rows[index] : []
        }
    }

    /// Runs `body` with `row` as the innermost outer row.
    func withOuterRow<T>(_ row: Row, _ body: () throws(EngineError) -> T) throws(EngineError) -> T {
        outerRows.withLock { $0.append(row) }
        defer { outerRows.withLock { _ = $0.popLast() } }
        return try body()
    }

    /// The rows kept for `id`, computing and keeping them on first use.
    func cached(_ id: Int, compute: () throws(EngineError) -> [Row]) throws(EngineError) -> [Row] {
        if let rows = cachedRows(id) { return rows }
        let rows = try compute()
        keep(rows, for: id)
        return rows
    }

    /// The rows kept for `id`, if they were computed.
    func cachedRows(_ id: Int) -> [Row]? { cache.withLock { $0[id] } }

    /// Keeps `rows` as the result for `id`.
    func keep(_ rows: [Row], for id: Int) { cache.withLock { $0[id] = rows } }
}
