import DBAPICore
import Databricks
import Operations

/// `dbapi auth describe`: how dbapi signs in to the workspace, and whether it can now.
struct AuthCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        let description = await AuthDescription.describe(invocation.execution.settings)
        let meta = invocation.baseMeta
        return invocation.emit(description.error.map { .failure($0, meta: meta) } ?? .success(data: description.data, meta: meta))
    }
}
