/// How one example of `dbapi test` ended.
public struct ExampleOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The result matches its snapshot.
        case passed
        /// It does not, or the run did not end as the example expects, or there is no snapshot.
        case failed
        /// `--update` wrote a snapshot that did not exist.
        case written
        /// `--update` rewrote a snapshot that differed.
        case updated
    }

    public let operation: String
    public let example: String
    public let status: Status
    /// Wall time of the run, in seconds.
    public let seconds: Double
    /// Why it failed: a one-line message, then detail lines (the diff).
    public let message: String?
    public let details: [String]

    public var isFailure: Bool { status == .failed }
}
