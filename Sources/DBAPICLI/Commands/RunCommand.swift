import DBAPICore
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
            if invocation.arguments.has(.async) {
                return invocation.emit(invocation.withBackendFacts(await runner.submit(name, raw: raw, meta: invocation.baseMeta)))
            }
            let envelope = try await Deadline.run(seconds: invocation.localTimeout(for: backend)) { [output = invocation.output] in
                await runner.run(name, raw: raw, meta: invocation.baseMeta, rows: output)
            }
            return invocation.emit(invocation.withBackendFacts(envelope))
        } catch {
            return invocation.emit(.failure(reporting: error, meta: meta))
        }
    }
}
