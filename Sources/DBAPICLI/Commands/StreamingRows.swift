import DBAPICore
import Operations

/// `--format ndjson|csv` for `query`, and for `run` when an operation's data is the rows of one query:
/// rows are written as each batch (a warehouse chunk) arrives, so memory stays bounded by a few chunks
/// whatever the result size. A failure after rows were written still ends the run with its exit
/// status: stderr says how many rows were written and that the output is incomplete, and ndjson
/// ends with the error envelope as its last line.
struct StreamingRows {
    let invocation: Invocation
    /// The envelope `meta` for failures (`run` adds the operation).
    var meta: JSONObject
    /// At most this many rows are written (pagination's `limit`); later chunks are not fetched.
    var rowCap: Int?
    /// Labels backend errors (with the query name for `run`).
    var labelling: @Sendable (any ReportableError) -> any ReportableError = { $0 }

    /// Rows written per `write(2)`: the output buffer stays small (about 100 KB) instead of holding
    /// a whole chunk's text, which a warehouse sends in megabytes.
    static let rowsPerWrite = 1024

    func execute(_ statement: () throws -> BoundStatement, backend: any SQLBackend) async -> Int32 {
        var written = 0
        do {
            let bound = try statement()
            let stream: ResultStream
            do {
                stream = try await backend.execute(bound)
            } catch let error as any ReportableError {
                throw labelling(error)
            }
            let names = stream.columns.map(\.name)
            var writer = StreamingRowWriter(format: invocation.format, columns: names)
            var out: [UInt8] = []
            writer.header(names, to: &out)
            var remaining = rowCap ?? Int.max
            do {
                while remaining > 0, let batch = try await stream.batch() {
                    let rows = min(remaining, batch.count)
                    for start in stride(from: 0, to: rows, by: Self.rowsPerWrite) {
                        writer.write(batch, rows: start..<min(rows, start + Self.rowsPerWrite), to: &out)
                        invocation.writeStreamed(out)
                        out.removeAll(keepingCapacity: true)
                    }
                    remaining -= rows
                    written += rows
                }
            } catch let error as any ReportableError {
                throw labelling(error)
            }
            if !out.isEmpty { invocation.writeStreamed(out) }  // a CSV header without rows
            return 0
        } catch {
            if written > 0 {
                invocation.io.stderr("Error: the output is incomplete: \(written) rows were written before the failure below\n")
            }
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error, meta: meta)))
        }
    }
}
