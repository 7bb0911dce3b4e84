import DBAPICore
import Dispatch

/// Waits for async `work` on a task from synchronous code (a libFuzzer entry, a fuzz body run by
/// a test method). Never call it from a task: it blocks its thread.
public func blockingWait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T? {
    let box = LockedBox<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await work()
        box.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return box.withLock { $0 }
}
