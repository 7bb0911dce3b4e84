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

    /// The wait before attempt `attempt + 1`, or nil when there is none: `attempt` (counting from 1)
    /// was the last allowed, or the wait would take the retries to `budget` seconds after the first
    /// request was sent (`elapsed` seconds ago). `jitter` is in 0.5…1.
    func wait(after attempt: Int, elapsed: Double, retryAfter: Double?, jitter: Double) -> Double? {
        guard attempt < maxAttempts else { return nil }
        let wait = delay(attempt: attempt, retryAfter: retryAfter, jitter: jitter)
        return elapsed + wait < budget ? wait : nil
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), with `jitter` in 0.5…1.
    func delay(attempt: Int, retryAfter: Double?, jitter: Double) -> Double {
        let backoff = min(maxDelay, baseDelay * pow(2, Double(min(attempt - 1, 16))))
        return min(max(backoff * jitter, retryAfter ?? 0), max(maxDelay, retryAfter ?? 0))
    }

    /// `Retry-After` as a number of seconds, at most 300 (an HTTP date, or anything that is not a
    /// finite number, is ignored, as the SDKs do).
    static func retryAfter(_ header: String?) -> Double? {
        guard let seconds = header.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), seconds.isFinite else { return nil }
        return min(max(seconds, 0), 300)
    }
}
