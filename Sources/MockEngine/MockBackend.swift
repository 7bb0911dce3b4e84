import DBAPICore
import Foundation

/// The default backend: runs inlined SQL on the in-memory engine over mock data files. No network.
public struct MockBackend: SQLBackend {
    public let name = "mock"
    public let engine: SQLEngine

    public init(catalog: MockCatalog) { engine = SQLEngine(catalog: catalog) }

    public func execute(_ statement: BoundStatement) async throws -> ResultStream {
        let engine = self.engine
        let sql = statement.inlinedSQL
        let now = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        return ResultStream(try await engine.execute(sql, now: now))
    }
}
