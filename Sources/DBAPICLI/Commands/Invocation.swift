import DBAPICore
import Operations

/// One run of the command line: the parsed and decoded options, the streams, the backends, and
/// writing the result.
struct Invocation: Sendable {
    let arguments: ParsedArguments
    let io: IO
    let global: GlobalOptions
    /// The backend and time settings (their defaults for commands that run nothing).
    let execution: ExecutionOptions
    let backends: BackendRegistry
    /// The backends this run made, for signal handling and `meta`.
    let backendsInUse = LockedBox<[any SQLBackend]>([])
    /// Where the run's rows and envelope go; written once, by the command or a signal handler.
    let output: EnvelopeOutput
    /// The progress line on a terminal's stderr, when one is shown.
    let progress: ProgressLine?

    var correlationID: String { global.correlationID }
    var format: OutputFormatKind { global.format }
    var root: String { global.root }

    var baseMeta: JSONObject { JSONObject([("correlation_id", .string(correlationID))]) }

    func log(_ message: String) {
        if global.verbose { io.stderr("dbapi [\(correlationID)] \(message)\n") }
    }

    /// Decodes and checks every option once; a value an option does not accept is a usage error.
    init(arguments: ParsedArguments, io: IO, backends: BackendRegistry, showsProgress: Bool = false) throws(UsageError) {
        self.arguments = arguments
        self.backends = backends
        progress = showsProgress ? ProgressLine.start(io: io, quiet: arguments.has(.quiet)) : nil
        self.io = progress?.wrap(io) ?? io
        var execution: ExecutionOptions
        do {
            global = try GlobalOptions(decoding: arguments, io: self.io)
            execution = try ExecutionOptions(decoding: arguments, global: global, io: self.io, backends: backends)
        } catch {
            progress?.finish()  // no command runs: the line's timer stops with the usage error
            throw error
        }
        if let progress { execution.settings.progress = { progress.update($0) } }
        self.execution = execution
        output = EnvelopeOutput(format: global.format, pretty: global.pretty, io: self.io)
    }

    /// The backend the execution options name (the registry's default when none is given).
    func makeBackend() throws -> any SQLBackend { try makeBackend(named: execution.backend) }

    /// The registry's backend called `name`, made with the run's settings.
    func makeBackend(named name: String) throws -> any SQLBackend {
        guard let entry = backends.entry(named: name) else {
            throw DBAPIError(.configuration, "unknown backend '\(name)'; use \(backends.choices)", details: ["backend": .string(name)])
        }
        let backend = try entry.make(execution.settings)
        backendsInUse.withLock { $0.append(backend) }
        return backend
    }

    /// The `--timeout` this process enforces; a backend that enforces its own is left to do so.
    func localTimeout(for backend: any SQLBackend) -> Double? {
        backend.enforcesTimeout ? nil : execution.timeout
    }

    /// `meta` with the facts of every backend this run used (warehouse, statement ids, requests).
    func withBackendFacts(_ envelope: Envelope) -> Envelope {
        var envelope = envelope
        for backend in backendsInUse.withLock({ $0 }) {
            for (key, value) in backend.runFacts().members { envelope.meta[key] = value }
        }
        return envelope
    }

    func catalog() throws -> OperationCatalog {
        log("root \(root)")
        return try OperationCatalog(root: root)
    }

    /// Writes an envelope in the chosen format (after the rows streamed to `output`, if any) and
    /// returns the exit status.
    func emit(_ envelope: Envelope) -> Int32 {
        progress?.finish()
        return output.finish(envelope)
    }

    /// Reports a usage error: an envelope on stdout, the message and usage on stderr, exit 64.
    static func fail(usage error: UsageError, command: Command?, correlationID: String, io: IO) -> Int32 {
        io.stdout(JSONFormat().text(of: .failure(error, meta: JSONObject([("correlation_id", .string(correlationID))]))))
        let usage = command.map { HelpText.usage(for: $0) } ?? "dbapi <command> [options]"
        let helpHint = command.map { "See 'dbapi \($0.rawValue) --help'." } ?? "See 'dbapi --help'."
        io.stderr("Error: \(error.description)\nUsage: \(usage)\n\(helpHint)\n")
        return error.code.exitStatus
    }

    /// Runs `body`, turning a thrown error into an error envelope.
    func envelope(_ body: () throws -> Envelope) -> Envelope {
        do {
            return try body()
        } catch {
            return Envelope.failure(reporting: error, meta: baseMeta)
        }
    }
}
