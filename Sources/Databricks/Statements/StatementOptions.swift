import DBAPICore

/// How statements are submitted and waited for.
public struct StatementOptions: Sendable {
    /// Seconds the execute call waits for a result before polling (0 or 5…50).
    public var waitTimeout = 10
    /// Overall limit; past it the statement is canceled on the warehouse.
    public var timeout: Double?
    public var rowLimit: Int?
    /// `INLINE` or `EXTERNAL_LINKS`; nil (the default) sends INLINE and, when the warehouse refuses a
    /// result over the 25 MiB INLINE limit, runs the statement again with EXTERNAL_LINKS.
    public var disposition: Disposition?
    /// Tagged on statements so they can be found in query history.
    public var correlationID: String?
    /// Chunks fetched ahead of the one being read; twice as many with EXTERNAL_LINKS, where each
    /// chunk takes two requests in a row (the chunk endpoint, then storage).
    public var prefetch = 3
    /// First and largest poll interval, in seconds.
    public var firstPoll = 0.1
    public var maxPoll = 2.0
    /// Told the statement's state after each answer, then the chunks and rows read.
    public var progress: @Sendable (StatementProgress) -> Void = { _ in }

    public init() {}
}
