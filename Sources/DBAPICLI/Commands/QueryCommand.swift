import DBAPICore
import Foundation
import Operations

/// `dbapi query "SQL"`: ad-hoc SQL through the same binder and backend.
struct QueryCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        do {
            let sql = try readSQL()
            let params = try ParameterSources(invocation.arguments, io: invocation.io).forQuery()
            let backend = try invocation.makeBackend()
            if invocation.arguments.has(.async) {
                return invocation.emit(
                    invocation.withBackendFacts(await AdHocQuery.submit(sql, params: params, backend: backend, meta: invocation.baseMeta)))
            }
            let envelope = try await Deadline.run(seconds: invocation.localTimeout(for: backend)) { [output = invocation.output] in
                await AdHocQuery.run(sql, params: params, backend: backend, meta: invocation.baseMeta, rows: output)
            }
            return invocation.emit(invocation.withBackendFacts(envelope))
        } catch {
            return invocation.emit(.failure(reporting: error, meta: invocation.baseMeta))
        }
    }

    private func readSQL() throws -> String {
        if let text = invocation.arguments.positionals.first { return text }
        let file = invocation.arguments.value(.sqlFile) ?? ""
        let path = file.hasPrefix("/") ? file : invocation.io.currentDirectory + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DBAPIError(.usage, "--sql-file \(file): cannot be read", details: ["file": .string(file)])
        }
        do {
            return try StrictUTF8.decode([UInt8](data))
        } catch {
            throw DBAPIError(.usage, "--sql-file \(file): \(error.description)", details: ["file": .string(file)])
        }
    }
}
