import DBAPICore
import Operations

/// `dbapi list`: the operations under the root.
struct ListCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        invocation.emit(
            invocation.envelope {
                let catalog = try invocation.catalog()
                let operations = catalog.names.compactMap { try? catalog.declaration($0) }.map(\.listEntry)
                return .success(data: .object(JSONObject([("operations", .array(operations))])), meta: invocation.baseMeta)
            })
    }
}

/// `dbapi describe OP`: parameters with types, defaults and constraints; queries; mapping keys.
struct DescribeCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        invocation.emit(
            invocation.envelope {
                let catalog = try invocation.catalog()
                let operation = try catalog.validDeclaration(invocation.arguments.positionals.first ?? "")
                return .success(data: operation.describeEntry, meta: invocation.baseMeta)
            })
    }
}

/// `dbapi validate`: every configuration problem at once, with file and line; non-zero if any.
struct ValidateCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        invocation.emit(
            invocation.envelope {
                let catalog = try invocation.catalog()
                let issues = catalog.validateAll()
                guard issues.isEmpty else { throw CatalogError.invalidConfiguration(issues) }
                return .success(
                    data: .object(JSONObject([("valid", .bool(true)), ("operations", .int(Int64(catalog.names.count)))])),
                    meta: invocation.baseMeta)
            })
    }
}

/// `dbapi render OP`: the bound SQL of each query; nothing is executed.
struct RenderCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        if invocation.arguments.has(.explain) { return explain() }
        let envelope = invocation.envelope {
            let name = invocation.arguments.positionals.first ?? ""
            let raw = try ParameterSources(invocation.arguments, io: invocation.io).forOperation()
            let statements = try OperationRunner.renderOnly(
                catalog: try invocation.catalog(), name, raw: raw, showingSensitive: invocation.arguments.has(.showSensitive))
            let queries = statements.map { JSONValue.object(JSONObject([("name", .string($0.name)), ("sql", .string($0.inlinedSQL))])) }
            var meta = invocation.baseMeta
            meta["operation"] = .string(name)
            return .success(data: .object(JSONObject([("queries", .array(queries))])), meta: meta)
        }
        guard envelope.isSuccess, !invocation.global.formatGiven else { return invocation.emit(envelope) }
        var text = ""
        for query in envelope.data["queries"]?.array ?? [] {
            text += "-- query: \(query["name"]?.string ?? "")\n\(query["sql"]?.string ?? "")"
            if !text.hasSuffix("\n") { text += "\n" }
        }
        invocation.io.stdout(text)
        return 0
    }

    /// `render --explain`: each parameter's source, raw text, value, Spark type and marker forms; a table,
    /// or with `--format json` the envelope's data.
    private func explain() -> Int32 {
        let name = invocation.arguments.positionals.first ?? ""
        var explanation: ParameterExplanation?
        let envelope = invocation.envelope {
            let sources = try ParameterSources(invocation.arguments, io: invocation.io)
            let explained = try ParameterExplanation(
                catalog: try invocation.catalog(), name, raw: try sources.forOperation(), sources: sources.sources,
                showingSensitive: invocation.arguments.has(.showSensitive))
            explanation = explained
            var meta = invocation.baseMeta
            meta["operation"] = .string(name)
            return .success(data: explained.json, meta: meta)
        }
        guard let explanation, !invocation.global.formatGiven else { return invocation.emit(envelope) }
        invocation.io.stdout(explanation.table)
        return 0
    }
}
