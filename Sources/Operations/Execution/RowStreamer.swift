import DBAPICore

/// Streams one statement's rows to a consumer as the backend delivers them: at most `rowCap` rows (a
/// page; later chunks are not fetched), in slices of at most `sliceRows` so the consumer's buffer stays
/// small. The loop `run` and `query` share for streamed output; the consumer only formats and writes.
public struct RowStreamer: Sendable {
    /// Rows handed over per call: the consumer's buffer stays about 100 KB instead of holding a whole
    /// chunk's text, which a warehouse sends in megabytes.
    public static let sliceRows = 1024

    /// At most this many rows are delivered (pagination's `limit`).
    public var rowCap: Int?
    /// Labels backend errors (with the query's name for `run`).
    public var labelling: @Sendable (any ReportableError) -> any ReportableError

    public init(rowCap: Int? = nil, labelling: @escaping @Sendable (any ReportableError) -> any ReportableError = { $0 }) {
        self.rowCap = rowCap
        self.labelling = labelling
    }

    /// A failure after `delivered` rows were handed over (the output is then incomplete).
    public struct Failure: Error {
        public let underlying: any Error
        public let delivered: Int
    }

    /// Runs `statement` on `backend`: `begin` receives the columns, then `deliver` each slice of rows.
    ///
    /// - Returns: the number of rows delivered.
    /// - Throws: `Failure` with the labelled error and the rows delivered before it.
    public func run(
        _ statement: BoundStatement, on backend: any SQLBackend, begin: ([ResultColumn]) -> Void,
        deliver: (RowBatch, Range<Int>) -> Void
    ) async throws(Failure) -> Int {
        var delivered = 0
        do {
            let stream = try await backend.execute(statement)
            begin(stream.columns)
            var remaining = rowCap ?? Int.max
            while remaining > 0, let batch = try await stream.batch() {
                let rows = min(remaining, batch.count)
                for start in stride(from: 0, to: rows, by: Self.sliceRows) {
                    deliver(batch, start..<min(rows, start + Self.sliceRows))
                }
                remaining -= rows
                delivered += rows
            }
            return delivered
        } catch let error as any ReportableError {
            throw Failure(underlying: labelling(error), delivered: delivered)
        } catch {
            throw Failure(underlying: error, delivered: delivered)
        }
    }
}
