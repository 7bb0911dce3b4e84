/// How far a backend has got with one statement, for the progress line a terminal shows: the
/// warehouse's state for it, then the chunks and rows fetched of its result.
public struct StatementProgress: Sendable, Equatable {
    public var statementID: String
    /// The statement's state as the backend names it (`PENDING`, `RUNNING`, `SUCCEEDED`).
    public var state: String
    public var chunksFetched = 0
    /// The chunks and rows the result announced, once known.
    public var totalChunks: Int?
    public var rowsFetched = 0
    public var totalRows: Int?
    /// Whether the result has been read to its end (the line goes away).
    public var isComplete = false

    public init(statementID: String, state: String) {
        self.statementID = statementID
        self.state = state
    }
}
