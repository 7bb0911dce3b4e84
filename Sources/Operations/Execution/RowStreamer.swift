import DBAPICore

/// Hands a result's rows to a `RowSink` as the backend delivers them: at most `cap` rows (a page;
/// later chunks are not fetched), in slices of at most `sliceRows` so the sink's buffer stays small.
enum RowStreamer {
    /// Rows handed over per call: the sink's buffer stays about 100 KB instead of holding a whole
    /// chunk's text, which a warehouse sends in megabytes.
    static let sliceRows = 1024

    /// What a stream delivered: how many rows, and whether the result held more than the cap.
    struct Delivery: Equatable {
        var rows = 0
        var hasMore = false
    }

    /// Delivers the rows of `stream` to `sink` (which `begin` was called on).
    static func deliver(_ stream: ResultStream, to sink: any RowSink, cap: Int?) async throws -> Delivery {
        var delivery = Delivery()
        var remaining = cap ?? Int.max
        while let batch = try await stream.batch() {
            guard remaining > 0 else {
                delivery.hasMore = batch.count > 0
                if delivery.hasMore { break } else { continue }
            }
            let rows = min(remaining, batch.count)
            for start in stride(from: 0, to: rows, by: sliceRows) {
                sink.write(batch, rows: start..<min(rows, start + sliceRows))
            }
            remaining -= rows
            delivery.rows += rows
            if batch.count > rows {
                delivery.hasMore = true
                break
            }
        }
        return delivery
    }
}
