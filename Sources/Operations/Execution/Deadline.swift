import DBAPICore

/// Bounds how long a command may take (`--timeout`); past it the result is a TIMEOUT error.
public enum Deadline {
    /// Runs `body`; past `seconds` it is cancelled and the result is a TIMEOUT error (nil: no limit).
    public static func run(seconds: Double?, _ body: @escaping @Sendable () async -> Envelope) async throws -> Envelope {
        guard let seconds else { return await body() }
        return try await withThrowingTaskGroup(of: Envelope?.self) { group in
            group.addTask { await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let envelope = first else {
                throw DBAPIError(.timeout, "timed out after \(seconds) s (--timeout)", details: ["timeout_s": .double(seconds)])
            }
            return envelope
        }
    }
}
