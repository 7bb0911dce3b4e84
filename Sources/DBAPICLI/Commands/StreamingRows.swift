import DBAPICore
import Operations

/// `--format ndjson|csv` for `query`, and for `run` when an operation's data is the rows of one query:
/// rows are written as each batch (a warehouse chunk) arrives, so memory stays bounded by a few chunks
/// whatever the result size. Failures after the first row go to stderr with the usual exit status
/// (stdout already holds the rows written so far).
struct StreamingRows {
    let invocation: Invocation
    /// The envelope `meta` for failures (`run` adds the operation).
    var meta: JSONObject
    /// At most this many rows are written (pagination's `limit`); later chunks are not fetched.
    var rowCap: Int?
    /// Labels backend errors (with the query name for `run`).
    var labelling: @Sendable (any ReportableError) -> any ReportableError = { $0 }

    func execute(_ statement: () throws -> BoundStatement, backend: any SQLBackend) async -> Int32 {
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
                    writer.write(batch, limit: remaining, to: &out)
                    remaining -= min(remaining, batch.count)
                    invocation.io.stdoutBytes(out)
                    out.removeAll(keepingCapacity: true)
                }
            } catch let error as any ReportableError {
                throw labelling(error)
            }
            invocation.io.stdoutBytes(out)
            return 0
        } catch let error as any ReportableError {
            return invocation.emit(invocation.withBackendFacts(.failure(error, meta: meta), backend))
        } catch {
            return invocation.emit(.failure(DBAPIError(.internal, "unexpected error: \(error)"), meta: meta))
        }
    }
}
