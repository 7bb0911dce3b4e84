import DBAPICore

/// The statements an operation runs, bound as `dbapi check` binds them (its first example expected
/// to succeed, else each parameter's default, else a value of its declared type): what
/// `snapshot --for OP` reads the operation's tables from.
public enum OperationStatements {
    /// The bound statement of each of `name`'s queries, in order.
    ///
    /// - Throws: `CatalogError` for an unknown or invalid operation or an unreadable template;
    ///   `DBAPIError` (CONFIGURATION_ERROR) when an identifier parameter has no example or default,
    ///   so the table it names is unknown; `ParamError` when a template cannot be bound.
    public static func representative(_ name: String, in catalog: OperationCatalog) throws -> [BoundStatement] {
        let operation = try catalog.operation(name)
        guard let values = CheckValues.values(for: operation) else {
            let identifiers = operation.params.filter { $0.type == .identifier }.map(\.name)
            throw DBAPIError(
                .configuration,
                "cannot tell which tables \(name) reads: its identifier parameter \(identifiers.joined(separator: ", ")) "
                    + "has no default and no example expected to succeed; name the tables instead",
                details: ["operation": .string(name)])
        }
        var statements: [BoundStatement] = []
        for query in operation.queries {
            let template = try catalog.template(query)
            let bindings = OperationRunner.bindings(query, of: operation, template, values: values)
            statements.append(try Binder.bind(template, name: query.name, bindings: bindings))
        }
        return statements
    }
}
