import DBAPICore
import Foundation

/// The default backend: runs inlined SQL on the in-memory engine over mock data files. No network.
public struct MockBackend: SQLBackend {
    public let name = "mock"
    public let engine: SQLEngine

    /// The stack given to the engine's thread, so deep (but bounded) nesting never overflows.
    static let stackSize = 64 << 20

    public init(catalog: MockCatalog) { engine = SQLEngine(catalog: catalog) }

    public func execute(_ statement: BoundStatement) async throws -> ResultStream {
        let engine = self.engine
        let sql = statement.inlinedSQL
        let now = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        let result = try await Self.onLargeStack { () throws(EngineError) in try engine.execute(sql, now: now) }
        return ResultStream(result)
    }

    /// Runs `body` on a dedicated thread with a large stack and returns its result.
    static func onLargeStack<T: Sendable>(_ body: @escaping @Sendable () throws(EngineError) -> T) async throws(EngineError) -> T {
        let result: Result<T, EngineError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(EngineError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        return try result.get()
    }
}
