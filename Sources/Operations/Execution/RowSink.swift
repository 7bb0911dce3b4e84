import DBAPICore

/// Receives a result's rows as the backend delivers them: where `run` and `query` hand rows to an
/// output format without collecting the whole result first.
public protocol RowSink: Sendable {
    /// The rows of a result are about to arrive; `placement` says where they sit in `data`.
    func begin(_ placement: RowPlacement)
    /// Rows `rows` of `batch` (a slice of at most `RowStreamer.sliceRows`).
    func write(_ batch: RowBatch, rows: Range<Int>)
}
