import DBAPICore
import Databricks
import Foundation
import MockEngine
import Operations

/// One run of the command line: parsed arguments, the streams, and the settings every command
/// shares (root, output format, correlation id), plus writing the result.
struct Invocation: Sendable {
    let arguments: ParsedArguments
    let io: IO
    let correlationID: String

    init(arguments: ParsedArguments, io: IO) {
        self.arguments = arguments
        self.io = io
        self.correlationID = arguments.value("--correlation-id") ?? UUID().uuidString.lowercased()
    }

    enum Format: String, CaseIterable { case json, ndjson, csv, table }

    var format: Format { Format(rawValue: arguments.value("--format") ?? "json") ?? .json }

    func checkFormat() throws(UsageError) {
        if let value = arguments.value("--format"), Format(rawValue: value) == nil {
            throw .invalidValue(option: "--format", value: value, expected: "one of json, ndjson, csv, table")
        }
        if let value = arguments.value("--timeout"), Self.timeoutSeconds(value) == nil {
            throw .invalidValue(
                option: "--timeout", value: value,
                expected: "a number of seconds greater than 0 and at most \(Int(Self.maxTimeoutSeconds)) (7 days)")
        }
        if let value = arguments.value("--backend"), !["mock", "databricks"].contains(value) {
            throw .invalidValue(option: "--backend", value: value, expected: "mock or databricks")
        }
        if let value = arguments.value("--wait-timeout"), !(Int(value).map { $0 == 0 || (5...50).contains($0) } ?? false) {
            throw .invalidValue(option: "--wait-timeout", value: value, expected: "0 or a whole number of seconds from 5 to 50")
        }
        if let value = arguments.value("--row-limit"), (Int(value) ?? 0) < 1 {
            throw .invalidValue(option: "--row-limit", value: value, expected: "a positive whole number")
        }
        if let value = arguments.value("--disposition"), !["INLINE", "EXTERNAL_LINKS"].contains(value.uppercased()) {
            throw .invalidValue(option: "--disposition", value: value, expected: "INLINE or EXTERNAL_LINKS")
        }
    }

    /// The longest `--timeout` accepted (7 days); larger values, infinity and NaN are usage errors.
    static let maxTimeoutSeconds: Double = 604_800

    /// `--timeout` text as seconds: a finite number in (0, `maxTimeoutSeconds`], else nil.
    static func timeoutSeconds(_ text: String) -> Double? {
        guard let seconds = Double(text), seconds > 0, seconds <= maxTimeoutSeconds else { return nil }
        return seconds
    }

    /// The checked `--timeout` in seconds, if given.
    var timeout: Double? { arguments.value("--timeout").flatMap(Self.timeoutSeconds) }

    /// `--root`, else `$DBAPI_ROOT`, else the working directory.
    var root: String {
        let path = arguments.value("--root") ?? io.environment["DBAPI_ROOT"] ?? io.currentDirectory
        return path.hasPrefix("/") ? path : io.currentDirectory + "/" + path
    }

    var baseMeta: JSONObject { JSONObject([("correlation_id", .string(correlationID))]) }

    func log(_ message: String) {
        if arguments.has("--verbose") { io.stderr("dbapi [\(correlationID)] \(message)\n") }
    }

    var backendName: String { arguments.value("--backend") ?? io.environment["DBAPI_BACKEND"] ?? "mock" }

    /// The backend chosen by `--backend` (the mock engine by default).
    func makeBackend() throws -> any SQLBackend {
        let name = backendName
        switch name {
        case "databricks":
            return try makeDatabricksBackend()
        case "mock":
            let directory =
                arguments.value("--mock-data").map { $0.hasPrefix("/") ? $0 : io.currentDirectory + "/" + $0 }
                ?? root + "/config/mock-data"
            log("backend mock, data \(directory)")
            return MockBackend(catalog: try MockCatalog(directory: directory))
        default:
            throw DBAPIError(.configuration, "unknown backend '\(name)'; use mock or databricks", details: ["backend": .string(name)])
        }
    }

    /// The `--timeout` enforced here; a warehouse enforces its own (and cancels the statement).
    func localTimeout(for backend: any SQLBackend) -> Double? {
        backend is DatabricksBackend ? nil : timeout
    }

    /// Adds the warehouse, statement ids and HTTP attempts to `meta` for the Databricks backend.
    func withBackendFacts(_ envelope: Envelope, _ backend: any SQLBackend) -> Envelope {
        guard let databricks = backend as? DatabricksBackend else { return envelope }
        var envelope = envelope
        envelope.meta["warehouse_id"] = .string(databricks.warehouseID)
        envelope.meta["statement_ids"] = .array(databricks.statementIDs.map { .string($0) })
        envelope.meta["http_attempts"] = .int(Int64(databricks.attempts))
        return envelope
    }

    private func makeDatabricksBackend() throws -> DatabricksBackend {
        let settings = DatabricksSettings(
            profile: arguments.value("--profile"), warehouseID: arguments.value("--warehouse"), catalog: arguments.value("--catalog"),
            schema: arguments.value("--schema"))
        let home = io.environment["HOME"] ?? NSHomeDirectory()
        let config = try DatabricksConfig.resolve(settings, environment: io.environment, homeDirectory: home)
        var options = StatementOptions()
        options.waitTimeout = arguments.value("--wait-timeout").flatMap(Int.init) ?? 10
        options.timeout = timeout
        options.rowLimit = arguments.value("--row-limit").flatMap(Int.init)
        options.disposition = arguments.value("--disposition")?.uppercased()
        options.correlationID = correlationID
        log(
            "backend databricks: host \(config.host.absoluteString), warehouse \(config.warehouseID), auth \(config.authentication.typeName), settings from \(config.source)"
        )
        let verbose = arguments.has("--verbose")
        let stderr = io.stderr
        let id = correlationID
        let backend = DatabricksBackend(
            config: config, options: options, version: DBAPICommandLine.version,
            log: { line in if verbose { stderr("dbapi [\(id)] \(line)\n") } })
        if io.handlesSignals { SignalCancellation.install(for: backend, self) }
        return backend
    }

    func catalog() throws -> OperationCatalog {
        log("root \(root)")
        return try OperationCatalog(root: root)
    }

    /// Writes an envelope in the chosen format and returns the exit status.
    func emit(_ envelope: Envelope) -> Int32 {
        var out = ""
        if let error = envelope.error {
            if format == .json || format == .ndjson { JSONFormat(pretty: arguments.has("--pretty")).write(envelope, to: &out) }
            io.stdout(out)
            io.stderr("Error: \(error.description)\n")
            return envelope.exitStatus
        }
        switch format {
        case .json: JSONFormat(pretty: arguments.has("--pretty")).write(envelope, to: &out)
        case .ndjson: NDJSONFormat().write(envelope, to: &out)
        case .csv: CSVFormat().write(envelope, to: &out)
        case .table: TableFormat().write(envelope, to: &out)
        }
        io.stdout(out)
        return 0
    }

    /// Reports a usage error: an envelope on stdout, the message and usage on stderr, exit 64.
    func fail(usage error: UsageError, command: Command?) -> Int32 {
        var out = ""
        JSONFormat().write(.failure(error, meta: baseMeta), to: &out)
        io.stdout(out)
        let usage = command.map { HelpText.usage(for: $0) } ?? "dbapi <command> [options]"
        let helpHint = command.map { "See 'dbapi \($0.rawValue) --help'." } ?? "See 'dbapi --help'."
        io.stderr("Error: \(error.description)\nUsage: \(usage)\n\(helpHint)\n")
        return error.code.exitStatus
    }

    /// Runs `body`, turning a thrown error into an error envelope.
    func envelope(_ body: () throws -> Envelope) -> Envelope {
        do {
            return try body()
        } catch let error as any ReportableError {
            return .failure(error, meta: baseMeta)
        } catch {
            return .failure(DBAPIError(.internal, "unexpected error: \(error)"), meta: baseMeta)
        }
    }
}
