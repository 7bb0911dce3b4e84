import DBAPICore
import Operations

/// `dbapi result ID` and `dbapi cancel ID`: a statement submitted earlier with `--async`, fetched
/// (written as `query` writes its result) or cancelled.
struct StatementCommands {
    let invocation: Invocation

    private var statementID: String { invocation.arguments.positionals.first ?? "" }

    func result() async -> Int32 {
        do {
            let backend = try invocation.makeBackend()
            let id = statementID
            let envelope = try await Deadline.run(seconds: invocation.localTimeout(for: backend)) { [output = invocation.output] in
                await AdHocQuery.result(backend: backend, meta: invocation.baseMeta, rows: output) {
                    try await backend.result(ofStatement: id)
                }
            }
            return invocation.emit(invocation.withBackendFacts(envelope))
        } catch {
            return invocation.emit(.failure(reporting: error, meta: invocation.baseMeta))
        }
    }

    func cancel() async -> Int32 {
        do {
            let backend = try invocation.makeBackend()
            try await backend.cancel(statementID: statementID)
            let data = JSONObject([("statement_id", .string(statementID)), ("canceled", .bool(true))])
            return invocation.emit(invocation.withBackendFacts(.success(data: .object(data), meta: invocation.baseMeta)))
        } catch {
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error, meta: invocation.baseMeta)))
        }
    }
}
