import DBAPICore
import Foundation
import Operations

/// `dbapi run OP`: runs a named operation and prints its envelope.
struct RunCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        guard let name = invocation.arguments.positionals.first else { return 64 }
        var meta = invocation.baseMeta
        meta["operation"] = .string(name)
        do {
            let raw = try ParameterSources(invocation.arguments, io: invocation.io).forOperation()
            let backend = try invocation.makeBackend()
            let runner = OperationRunner(catalog: try invocation.catalog(), backend: backend)
            invocation.log("run \(name)")
            if invocation.format == .ndjson || invocation.format == .csv, invocation.localTimeout(for: backend) == nil,
                let plan = try? runner.streamPlan(name, raw: raw)  // a bad request gets the usual envelope below
            {
                let rows = StreamingRows(invocation: invocation, meta: meta, rowCap: plan.rowCap, labelling: plan.failure)
                return await rows.execute({ plan.statement }, backend: backend)
            }
            let envelope = try await Deadline.run(seconds: invocation.localTimeout(for: backend)) {
                await runner.run(name, raw: raw, meta: invocation.baseMeta)
            }
            return invocation.emit(invocation.withBackendFacts(envelope))
        } catch {
            return invocation.emit(.failure(reporting: error, meta: meta))
        }
    }
}

/// `dbapi query "SQL"`: ad-hoc SQL through the same binder and backend.
struct QueryCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        do {
            let sql = try readSQL()
            let params = try ParameterSources(invocation.arguments, io: invocation.io).forQuery()
            let backend = try invocation.makeBackend()
            if invocation.format == .ndjson || invocation.format == .csv, invocation.localTimeout(for: backend) == nil {
                return await StreamingRows(invocation: invocation, meta: invocation.baseMeta).execute(
                    { try AdHocQuery.bind(sql, params: params) }, backend: backend)
            }
            let envelope = try await Deadline.run(seconds: invocation.localTimeout(for: backend)) {
                await AdHocQuery.run(sql, params: params, backend: backend, meta: invocation.baseMeta)
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
