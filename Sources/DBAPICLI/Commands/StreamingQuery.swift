import DBAPICore
import Operations

/// `dbapi query --format ndjson|csv`: rows are written as each batch (a warehouse chunk) arrives,
/// so memory stays bounded by a few chunks whatever the result size. Failures after the first row
/// go to stderr with the usual exit status (stdout already holds the rows written so far).
struct StreamingQuery {
    let invocation: Invocation

    func execute(sql: String, params: [String: (type: ParamType?, raw: RawParam)], backend: any SQLBackend) async -> Int32 {
        do {
            let statement = try AdHocQuery.bind(sql, params: params)
            let stream = try await backend.execute(statement)
            let names = stream.columns.map(\.name)
            var writer = StreamingRowWriter(format: invocation.format, columns: names)
            var out: [UInt8] = []
            writer.header(names, to: &out)
            while let batch = try await stream.next() {
                for row in batch { writer.write(row, to: &out) }
                invocation.io.stdoutBytes(out)
                out.removeAll(keepingCapacity: true)
            }
            invocation.io.stdoutBytes(out)
            return 0
        } catch let error as any ReportableError {
            return invocation.emit(invocation.withBackendFacts(.failure(error, meta: invocation.baseMeta), backend))
        } catch {
            return invocation.emit(.failure(DBAPIError(.internal, "unexpected error: \(error)"), meta: invocation.baseMeta))
        }
    }
}
