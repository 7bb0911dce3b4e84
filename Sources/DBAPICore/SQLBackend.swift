/// Something that runs bound statements: the in-memory engine or a remote warehouse.
///
/// Implementations live in their own modules and depend only on `DBAPICore`; `Operations` talks to
/// whichever one the CLI wires in.
public protocol SQLBackend: Sendable {
    /// A short name for `meta.backend` (`mock`, `databricks`).
    var name: String { get }

    /// Runs one statement and streams its result.
    ///
    /// - Throws: a `ReportableError` describing what failed.
    func execute(_ statement: BoundStatement) async throws -> ResultStream
}
