import DBAPICore
import Foundation

/// Runs engine work on a dedicated thread with a large stack, so bounded but deep nesting
/// (parser limits allow a few thousand levels) never overflows a caller's small stack.
enum LargeStack {
    static let size = 64 << 20

    private static func start<T: Sendable>(
        _ body: @escaping @Sendable () throws(EngineError) -> T, then finish: @escaping @Sendable (Result<T, EngineError>) -> Void
    ) {
        let thread = Thread {
            do throws(EngineError) {
                finish(.success(try body()))
            } catch {
                finish(.failure(error))
            }
        }
        thread.stackSize = size
        thread.start()
    }

    /// Runs `body` and waits for it.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(EngineError) -> T) throws(EngineError) -> T {
        let outcome = LockedBox<Result<T, EngineError>>(.failure(.unsupported("engine thread did not finish")))
        let done = DispatchSemaphore(value: 0)
        start(body) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.withLock { $0 }.get()
    }

    /// Runs `body` without blocking the caller's thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(EngineError) -> T) async throws(EngineError) -> T {
        let result: Result<T, EngineError> = await withCheckedContinuation { continuation in
            start(body) { continuation.resume(returning: $0) }
        }
        return try result.get()
    }
}
