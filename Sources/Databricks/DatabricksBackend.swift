import DBAPICore
import Foundation

/// Runs statements on a Databricks SQL warehouse with native parameter markers.
///
/// Everything it reports passes through one `SecretRedactor`: the errors `execute` and the result
/// stream throw, the stream's properties, the statement ids and every `log` line. No credential it
/// holds reaches any output, even when a server echoes one.
public final class DatabricksBackend: SQLBackend {
    public let name = "databricks"
    private let runner: StatementRunner
    private let client: APIClient
    private let secrets: SecretRedactor
    private let clock: any BackendClock

    /// - Parameters:
    ///   - transport: the HTTP client for workspace calls (a URLSession one by default);
    ///   - clock: the time and the waits of retries, polls, the timeout, token expiry and `cancelAll`;
    ///   - log: receives one line per HTTP exchange with `--verbose` (no headers, bodies or secrets).
    public init(
        config: DatabricksConfig, options: StatementOptions, version: String, transport: (any HTTPTransport)? = nil,
        clock: any BackendClock = SystemClock(), log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        HeapTuning.keepChunkBuffers()
        let http = transport ?? URLSessionTransport()
        let runtime = ProcessInfo.processInfo.environment["DATABRICKS_RUNTIME_VERSION"].map { " runtime/\($0)" } ?? ""
        let userAgent = "dbapi/\(version) os/linux auth/\(config.authentication.typeName)\(runtime)"
        let secrets = SecretRedactor(config.authentication)
        self.secrets = secrets
        self.clock = clock
        client = APIClient(
            config: config, transport: http, secrets: secrets, clock: clock, userAgent: userAgent, log: { log(secrets.redact($0)) })
        runner = StatementRunner(
            client: client, options: options, clock: clock, downloads: ExternalLinkTransport(base: http), statementIDs: LockedBox([]))
    }

    public func execute(_ statement: BoundStatement) async throws -> ResultStream {
        try await redacting { try await runner.execute(statement) }
    }

    /// The stream `body` opens, with every error and property redacted.
    private func redacting(_ body: () async throws -> ResultStream) async throws -> ResultStream {
        let secrets = self.secrets
        let stream: ResultStream
        do {
            stream = try await body()
        } catch {
            throw secrets.redact(error)
        }
        return ResultStream(columns: stream.columns, properties: stream.properties.mapValues(secrets.redact)) {
            do {
                return try await stream.batch()
            } catch {
                throw secrets.redact(error)
            }
        }
    }

    public func submit(_ statement: BoundStatement) async throws -> JSONObject {
        do {
            let id = try await runner.submitOnly(statement)
            return JSONObject([("statement_id", .string(secrets.redact(id))), ("warehouse_id", .string(warehouseID))])
        } catch {
            throw secrets.redact(error)
        }
    }

    public func result(ofStatement id: String) async throws -> ResultStream {
        try Self.checkStatementID(id)
        return try await redacting { try await runner.result(of: id) }
    }

    public func cancel(statementID id: String) async throws {
        try Self.checkStatementID(id)
        do {
            try await runner.cancel(id)
        } catch {
            throw secrets.redact(error)
        }
    }

    /// A statement id a user typed goes into a request path: letters, digits, `-` and `_` only.
    private static func checkStatementID(_ id: String) throws {
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 45 || byte == 95
        }
        guard allowed, (1...128).contains(id.utf8.count) else {
            throw DBAPIError(
                .usage, "'\(excerpt(id))' is not a statement id (letters, digits, '-' and '_')",
                details: ["statement_id": .string(excerpt(id))])
        }
    }

    /// The warehouse statements run on.
    public var warehouseID: String { client.config.warehouseID }

    /// Statement ids submitted so far.
    public var statementIDs: [String] { runner.statementIDs.withLock { $0 }.map(secrets.redact) }

    /// HTTP requests sent so far, retries included.
    public var attempts: Int { client.attempts.withLock { $0 } }

    /// How long `cancelAll` may wait for an execute request in flight: the warehouse holds it for
    /// up to the wait timeout before it answers with the statement id.
    public var submissionGrace: Double { Double(runner.options.waitTimeout) + 5 }

    /// Whether an execute request is in flight (its statement id not known yet).
    public var isSubmitting: Bool { runner.submissions.withLock { $0 > 0 } }

    /// The warehouse cancels a statement when `--timeout` expires.
    public var enforcesTimeout: Bool { true }

    /// `warehouse_id`, `statement_ids` and `http_attempts` for `meta`.
    public func runFacts() -> JSONObject {
        JSONObject([
            ("warehouse_id", .string(warehouseID)), ("statement_ids", .array(statementIDs.map { .string($0) })),
            ("http_attempts", .int(Int64(attempts))),
        ])
    }

    /// While an execute request is in flight, cancelling waits for its statement id.
    public var cancellationWait: String? {
        isSubmitting ? "waiting up to \(Int(submissionGrace)) s for the warehouse to return the statement id, to cancel it" : nil
    }

    /// Cancels every statement this backend submitted (used on SIGINT/SIGTERM), first waiting up to
    /// `submissionGrace` for the ids of executes still in flight: abandoning one would leave its
    /// statement running on the warehouse. It checks every `submissionPoll` seconds; each wait runs
    /// in a task of its own, so a caller that is itself cancelled still waits instead of spinning.
    public func cancelAll() async {
        let clock = self.clock
        let deadline = clock.now() + submissionGrace
        while isSubmitting, clock.now() < deadline {
            try? await Task { try await clock.sleep(seconds: Self.submissionPoll) }.value
        }
        for id in runner.statementIDs.withLock({ $0 }) { try? await runner.cancel(id) }
    }

    /// How often `cancelAll` checks whether the execute requests in flight have answered.
    static let submissionPoll = 0.02
}
