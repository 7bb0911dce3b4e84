/// What a backend factory is given: the run's settings as the command line decoded and checked them,
/// and where the backend may log. Each backend module reads the fields it needs.
public struct BackendSettings: Sendable {
    /// The project root (config/ and queries/).
    public var root: String
    /// The mock data directory (absolute), when given.
    public var mockData: String?
    public var profile: String?
    public var warehouse: String?
    public var catalog: String?
    public var schema: String?
    /// Cap on result rows (a warehouse reports the truncation).
    public var rowLimit: Int?
    /// How a warehouse returns results (nil: INLINE, falling back to EXTERNAL_LINKS when too large).
    public var disposition: Disposition?
    /// The warehouse's server-side wait before polling, in seconds.
    public var waitTimeout: Int?
    /// The run's time limit in seconds (enforced by the backend when it says `enforcesTimeout`).
    public var timeout: Double?
    public var correlationID: String
    public var environment: [String: String]
    /// dbapi's version, for user agents.
    public var version: String
    /// Receives `--verbose` lines (a no-op without it).
    public var log: @Sendable (String) -> Void
    /// Receives each change in a statement's progress (a no-op unless a progress line is shown).
    public var progress: @Sendable (StatementProgress) -> Void

    public init(root: String, correlationID: String, environment: [String: String], version: String) {
        self.root = root
        self.correlationID = correlationID
        self.environment = environment
        self.version = version
        self.log = { _ in }
        self.progress = { _ in }
    }
}

/// How a warehouse returns a result: in the response (`INLINE`, at most 25 MiB) or as links to download
/// (`EXTERNAL_LINKS`). The raw value is the Statement Execution API's name.
public enum Disposition: String, Sendable, CaseIterable {
    case inline = "INLINE"
    case externalLinks = "EXTERNAL_LINKS"
}
