import DBAPICore
import Databricks

/// A `BackendClock` on manual time. `sleep` records the requested delay and moves the time on by
/// it at once, then yields so that other tasks run as they would while the time passes;
/// `advance(by:)` moves it for work that takes time, such as a slow server. Nothing sleeps for real.
public final class ManualClock: BackendClock {
    private let state: LockedBox<(now: Double, sleeps: [Double])>
    private let whileSleeping = LockedBox<(@Sendable (Double) async -> Void)?>(nil)

    public init(now: Double = 0) {
        state = LockedBox((now: now, sleeps: []))
    }

    public func now() -> Double { state.withLock { $0.now } }

    /// The wall-clock time at instant 0 (2027-01-15T08:00:00Z): `wallTime()` is this plus `now()`.
    public static let epoch = 1_800_000_000.0

    public func wallTime() -> Double { Self.epoch + now() }

    /// The delays requested from `sleep` so far, in order.
    public var sleeps: [Double] { state.withLock { $0.sleeps } }

    /// Moves the time on by `seconds` without recording a sleep.
    public func advance(by seconds: Double) {
        state.withLock { $0.now += seconds }
    }

    /// Runs `body` with the new time at the end of every later sleep, before the sleep returns:
    /// what it awaits happens "during" the wait, whatever the scheduler does meanwhile.
    public func whileSleeping(_ body: @escaping @Sendable (Double) async -> Void) {
        whileSleeping.withLock { $0 = body }
    }

    /// Records the delay and moves the time on by it (a negative delay by nothing); a cancelled
    /// task's sleep throws `CancellationError` at once, as `Task.sleep` does, and is not recorded.
    public func sleep(seconds: Double) async throws {
        try Task.checkCancellation()
        let now = state.withLock { state in
            state.sleeps.append(seconds)
            state.now += max(0, seconds)
            return state.now
        }
        await whileSleeping.withLock { $0 }?(now)
        await Task.yield()
    }
}
