import Foundation

/// When and how long to wait before re-sending a request.
///
/// 429 and 503 are retried for every request (the server did not act on it) and honour an integer
/// `Retry-After`; 500, 502, 504 and transport failures only for idempotent requests, or when the
/// request certainly never left. Waits grow exponentially from `baseDelay`, are capped at `maxDelay`,
/// jittered, and all retries together stay within `budget`.
public struct RetryPolicy: Sendable {
    public var maxAttempts = 6
    public var baseDelay = 0.25
    public var maxDelay = 10.0
    public var budget = 120.0

    public init() {}

    static let alwaysRetried: Set<Int> = [429, 503]
    static let retriedWhenIdempotent: Set<Int> = [500, 502, 504]

    func shouldRetry(status: Int, isIdempotent: Bool) -> Bool {
        Self.alwaysRetried.contains(status) || (isIdempotent && Self.retriedWhenIdempotent.contains(status))
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), with `jitter` in 0.5…1.
    func delay(attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        let backoff = min(maxDelay, baseDelay * pow(2, Double(min(attempt - 1, 16))))
        return min(max(backoff * jitter, retryAfter ?? 0), max(maxDelay, retryAfter ?? 0))
    }

    /// `Retry-After` as integer seconds (HTTP dates are ignored, as the SDKs do).
    static func retryAfter(_ header: String?) -> Double? {
        header.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { min(max($0, 0), 300) }
    }
}

/// Waits; injected so tests never sleep for real.
public protocol Sleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// The real clock.
public struct TaskSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) async throws {
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }
}
