extension Result where Failure == any Error {
    /// The outcome of an async call: its value, or the error it threw.
    public init(awaiting body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }

    /// The error, or nil for a success.
    public var error: (any Error)? {
        if case .failure(let error) = self { error } else { nil }
    }
}
