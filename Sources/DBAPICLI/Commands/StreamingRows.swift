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

    func execute(_ statement: () throws -> BoundStatement, backend: any SQLBackend) async -> Int32 {
        let bound: BoundStatement
        do {
            bound = try statement()
        } catch {
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error, meta: meta)))
        }
        var writer: StreamingRowWriter?
        var out: [UInt8] = []
        do {
            _ = try await RowStreamer(rowCap: rowCap, labelling: labelling).run(bound, on: backend) { columns in
                let names = columns.map(\.name)
                writer = StreamingRowWriter(format: invocation.format, columns: names)
                writer?.header(names, to: &out)
            } deliver: { batch, rows in
                writer?.write(batch, rows: rows, to: &out)
                invocation.writeStreamed(out)
                out.removeAll(keepingCapacity: true)
            }
            if !out.isEmpty { invocation.writeStreamed(out) }  // a CSV header without rows
            return 0
        } catch {
            if error.delivered > 0 {
                invocation.io.stderr("Error: the output is incomplete: \(error.delivered) rows were written before the failure below\n")
            }
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error.underlying, meta: meta)))
        }
    }
}
