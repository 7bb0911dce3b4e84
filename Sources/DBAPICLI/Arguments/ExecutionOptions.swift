import DBAPICore

/// How `run` and `query` execute: the backend and its settings, and the time allowed; decoded and
/// checked once.
struct ExecutionOptions: Sendable {
    /// The longest `--timeout` accepted (7 days); larger values, infinity and NaN are usage errors.
    static let maxTimeoutSeconds: Double = 604_800

    /// `--backend`, else `$DBAPI_BACKEND`, else the registry's default.
    var backend: String
    /// `--timeout` in seconds.
    var timeout: Double?
    var settings: BackendSettings

    init(decoding arguments: ParsedArguments, global: GlobalOptions, io: IO, backends: BackendRegistry) throws(UsageError) {
        if let name = arguments.value(.backend), backends.entry(named: name) == nil {
            throw .invalidValue(option: Option.backend.rawValue, value: name, expected: backends.choices)
        }
        backend = arguments.value(.backend) ?? io.environment["DBAPI_BACKEND"] ?? backends.defaultName
        timeout = try arguments.decode(.timeout, Self.timeoutSeconds)
        var settings = BackendSettings(
            root: global.root, correlationID: global.correlationID, environment: io.environment, version: DBAPICommandLine.version)
        settings.mockData = arguments.value(.mockData).map { $0.hasPrefix("/") ? $0 : io.currentDirectory + "/" + $0 }
        settings.profile = arguments.value(.profile)
        settings.warehouse = arguments.value(.warehouse)
        settings.catalog = arguments.value(.catalog)
        settings.schema = arguments.value(.schema)
        settings.rowLimit = try arguments.decode(.rowLimit) { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        settings.disposition = try arguments.decode(.disposition) { Disposition(rawValue: $0.uppercased()) }
        settings.waitTimeout = try arguments.decode(.waitTimeout) { Int($0).flatMap { $0 == 0 || (5...50).contains($0) ? $0 : nil } }
        settings.timeout = timeout
        if global.verbose {
            let (stderr, id) = (io.stderr, global.correlationID)
            settings.log = { line in stderr("dbapi [\(id)] \(line)\n") }
        }
        self.settings = settings
    }

    /// `--timeout` text as seconds: a finite number in (0, `maxTimeoutSeconds`], else nil.
    static func timeoutSeconds(_ text: String) -> Double? {
        guard let seconds = Double(text), seconds > 0, seconds <= maxTimeoutSeconds else { return nil }
        return seconds
    }
}
