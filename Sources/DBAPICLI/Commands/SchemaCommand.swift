import DBAPICore
import Operations

/// `dbapi schema`: prints the JSON Schema of the operation config (`OperationConfigSchema`), indented.
struct SchemaCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        invocation.io.stdout(JSONWriter(pretty: true).string(OperationConfigSchema.document) + "\n")
        return 0
    }
}
