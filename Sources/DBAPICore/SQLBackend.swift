/// Something that runs bound statements: the in-memory engine or a remote warehouse.
///
/// Implementations live in their own modules and depend only on `DBAPICore`; `Operations` talks to
/// whichever one the CLI wires in. Everything a caller asks of a backend besides running statements
/// is here too, with defaults, so no caller needs to know the concrete type.
public protocol SQLBackend: Sendable {
    /// A short name for `meta.backend` (`mock`, `databricks`).
    var name: String { get }

    /// Runs one statement and streams its result.
    ///
    /// - Throws: a `ReportableError` describing what failed.
    func execute(_ statement: BoundStatement) async throws -> ResultStream

    /// Whether the backend enforces the run's timeout itself (a warehouse cancels the statement when
    /// it expires); otherwise the caller bounds the run. Default: false.
    var enforcesTimeout: Bool { get }

    /// Facts about the statements run so far, added to an envelope's `meta` (warehouse, statement ids,
    /// requests sent). Default: none.
    func runFacts() -> JSONObject

    /// What the user should be told when a cancellation has to wait for something (nil: it does not).
    var cancellationWait: String? { get }

    /// Cancels everything in flight and returns when that is done. Default: nothing to cancel.
    func cancelAll() async

    /// Submits a statement without waiting for it (`--async`) and returns what identifies it
    /// (`statement_id`, `warehouse_id`). Default: refused, the backend runs statements to completion.
    func submit(_ statement: BoundStatement) async throws -> JSONObject

    /// The result of a statement submitted earlier, once it has finished (`dbapi result`). Default: refused.
    func result(ofStatement id: String) async throws -> ResultStream

    /// Cancels a statement submitted earlier (`dbapi cancel`). Default: refused.
    func cancel(statementID id: String) async throws
}

extension SQLBackend {
    public var enforcesTimeout: Bool { false }
    public func runFacts() -> JSONObject { JSONObject() }
    public var cancellationWait: String? { nil }
    public func cancelAll() async {}
    public func submit(_ statement: BoundStatement) async throws -> JSONObject { throw refusal("--async") }
    public func result(ofStatement id: String) async throws -> ResultStream { throw refusal("dbapi result") }
    public func cancel(statementID id: String) async throws { throw refusal("dbapi cancel") }

    private func refusal(_ feature: String) -> DBAPIError {
        DBAPIError(
            .usage,
            "\(feature) needs a backend that keeps statements after the command ends (--backend databricks); \(name) runs them to completion",
            details: ["backend": .string(name)])
    }
}
