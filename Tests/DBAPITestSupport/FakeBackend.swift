import DBAPICore

/// An `SQLBackend` that answers each statement from a script and records the statements it was
/// given, for tests of what drives a backend (runners, output, the CLI) without an engine or server.
public final class FakeBackend: SQLBackend {
    public let name: String
    private let answer: @Sendable (BoundStatement) async throws -> ResultStream
    private let received = LockedBox<[BoundStatement]>([])

    /// Answers each statement with `answer`'s stream or error.
    public init(name: String = "fake", _ answer: @escaping @Sendable (BoundStatement) async throws -> ResultStream) {
        self.name = name
        self.answer = answer
    }

    /// Answers the statements in order with `results`; a statement past the last one fails with
    /// an `.internal` error naming it.
    public convenience init(name: String = "fake", results: [Result<ResultSet, any Error>]) {
        let remaining = LockedBox(results[...])
        self.init(name: name) { statement in
            guard let next = remaining.withLock({ $0.popFirst() }) else {
                throw DBAPIError(.internal, "FakeBackend: no result scripted for statement '\(statement.name)'")
            }
            return ResultStream(try next.get())
        }
    }

    /// The statements given so far, in order.
    public var statements: [BoundStatement] { received.withLock { $0 } }

    public func execute(_ statement: BoundStatement) async throws -> ResultStream {
        received.withLock { $0.append(statement) }
        return try await answer(statement)
    }
}
