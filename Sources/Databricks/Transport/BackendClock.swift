import Foundation

/// The time the Databricks backend reads and the waits it makes, as one seam: retry backoff
/// (`APIClient`), polling and the statement timeout (`StatementRunner`), the wait for statement ids
/// in `DatabricksBackend.cancelAll`, and OAuth token expiry (`AccessTokenProvider`). Tests give a
/// manual clock whose `sleep` records the delay and moves its time on, so nothing sleeps for real.
///
/// Instants are seconds on the clock's own timeline; only differences between them mean anything.
/// Swift's `Clock` protocol is not used: behind `any Clock<Duration>` the instant type is hidden,
/// so every stored deadline would need a generic function to open it, while everything here
/// (`RetryPolicy`, `StatementOptions`) counts in seconds as `Double`.
public protocol BackendClock: Sendable {
    /// The current instant, in seconds since the clock's origin.
    func now() -> Double

    /// The wall-clock time in seconds since 1970, to read the expiry times CLIs print.
    func wallTime() -> Double

    /// Returns after `seconds` (a negative wait is none).
    ///
    /// - Throws: `CancellationError` when the task is cancelled before or during the wait.
    func sleep(seconds: Double) async throws
}

/// Real time: `ContinuousClock` (monotonic, unaffected by changes of the wall clock) and `Task.sleep`.
public struct SystemClock: BackendClock {
    private static let origin = ContinuousClock.now
    /// The longest single wait, so no value can overflow the nanosecond count (a day).
    private static let longestWait = 86_400.0

    public init() {}

    public func now() -> Double {
        let elapsed = Self.origin.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    public func wallTime() -> Double { Date().timeIntervalSince1970 }

    public func sleep(seconds: Double) async throws {
        let wait = seconds > 0 ? min(seconds, Self.longestWait) : 0
        try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
    }
}
