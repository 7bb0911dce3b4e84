import DBAPICore

/// Every option dbapi knows. Each option's name, value placeholder, help line and the description of
/// the values it accepts appear once, here; commands, parsing, decoding and help refer to the cases, so
/// a misspelled option is a compile error.
enum Option: String, CaseIterable, Sendable {
    case help = "--help"
    case version = "--version"
    case root = "--root"
    case mockData = "--mock-data"
    case backend = "--backend"
    case format = "--format"
    case pretty = "--pretty"
    case correlationID = "--correlation-id"
    case timeout = "--timeout"
    case verbose = "--verbose"
    case quiet = "--quiet"
    case param = "--param"
    case paramsJSON = "--params-json"
    case paramsFile = "--params-file"
    case sqlFile = "--sql-file"
    case warehouse = "--warehouse"
    case catalog = "--catalog"
    case schema = "--schema"
    case profile = "--profile"
    case rowLimit = "--row-limit"
    case disposition = "--disposition"
    case waitTimeout = "--wait-timeout"
    case showSensitive = "--show-sensitive"
    case all = "--all"
    case to = "--to"
    case limit = "--limit"
    case filter = "--where"
    case columns = "--columns"
    case forOperation = "--for"
    case async = "--async"
    case examples = "--examples"
    case update = "--update"
    case junit = "--junit"
    case jobs = "--jobs"
    case snapshots = "--snapshots"
    case explain = "--explain"

    /// The option a command-line word names (`-h` and `-V` are short for `--help` and `--version`).
    static func named(_ word: String) -> Option? {
        switch word {
        case "-h": .help
        case "-V": .version
        default: Option(rawValue: word)
        }
    }

    /// The value's placeholder in help and messages; nil for a flag, which takes no value.
    var placeholder: String? {
        switch self {
        case .help, .version, .pretty, .verbose, .quiet, .showSensitive, .all, .async, .examples, .update, .explain: nil
        case .root, .mockData, .snapshots: "DIR"
        case .backend, .catalog, .schema, .profile: "NAME"
        case .format: "FORMAT"
        case .correlationID, .warehouse: "ID"
        case .timeout, .waitTimeout: "SECONDS"
        case .param: "NAME=VALUE"
        case .paramsJSON: "JSON"
        case .paramsFile, .sqlFile, .junit: "FILE"
        case .rowLimit, .limit, .jobs: "N"
        case .forOperation: "OP"
        case .to: "DIR"
        case .filter: "SQL"
        case .columns: "A,B,…"
        case .disposition: "MODE"
        }
    }

    var takesValue: Bool { placeholder != nil }

    /// The values accepted, as an invalid value's message says it (nil: any text, or checked elsewhere:
    /// `--backend` against the registry the run was given).
    var expected: String? {
        switch self {
        case .format: "one of " + OutputFormatKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .timeout: "a number of seconds greater than 0 and at most \(Int(ExecutionOptions.maxTimeoutSeconds)) (7 days)"
        case .waitTimeout: "0 or a whole number of seconds from 5 to 50"
        case .rowLimit, .limit: "a positive whole number"
        case .jobs: "a whole number from 1 to \(TestOptions.maxJobs)"
        case .disposition: BackendRegistry.list(Disposition.allCases.map(\.rawValue), last: "or")
        default: nil
        }
    }

    /// The help line.
    var help: String {
        switch self {
        case .help: "Show help for the command."
        case .version: "Print the version."
        case .root: "Directory holding config/ and queries/ (default: $DBAPI_ROOT, else .)."
        case .mockData: "Mock data directory (default: ROOT/config/mock-data)."
        case .backend: "Backend: " + BackendRegistry.standard.helpList + "."
        case .format: "Output: " + OutputFormatKind.helpList + "."
        case .pretty: "Indent JSON output."
        case .correlationID: "Correlation id for meta and logs (default: a new UUID)."
        case .timeout: "Give up after this many seconds (more than 0, at most 604800)."
        case .verbose: "Log what happens to stderr."
        case .quiet: "No progress line on a terminal's stderr while a warehouse statement runs."
        case .param: "A parameter; repeatable. For query: NAME:TYPE=VALUE types it."
        case .paramsJSON: "Parameters as a JSON object."
        case .paramsFile: "Parameters from a JSON file ('-' reads stdin)."
        case .sqlFile: "Read the SQL from a file (query)."
        case .warehouse: "SQL warehouse id (default: $DATABRICKS_WAREHOUSE_ID)."
        case .catalog: "Default catalog for the statements (databricks)."
        case .schema: "Default schema for the statements (databricks)."
        case .profile: "Profile in ~/.databrickscfg (default: $DATABRICKS_CONFIG_PROFILE)."
        case .rowLimit: "Cap result rows; truncation is reported in meta (databricks)."
        case .disposition: "INLINE (default) or EXTERNAL_LINKS (databricks)."
        case .waitTimeout: "Server-side wait before polling: 0 or 5-50 (default 10)."
        case .showSensitive: "Show the values of sensitive parameters (otherwise <redacted>)."
        case .all: "Every operation under the root."
        case .to: "Directory the snapshot's mock data files are written to."
        case .limit: "At most this many rows per table (the same rows on every run)."
        case .filter: "Only rows where this condition holds; :name markers take --param values."
        case .columns: "Only these columns, comma-separated."
        case .forOperation: "Also every table OP's templates read (found by the mock engine's parser)."
        case .examples: "Run each operation's declared examples (those expected to succeed) instead of --param values (diff)."
        case .async: "Submit and exit at once with the statement id; fetch it with 'dbapi result' (databricks)."
        case .update: "Write new and changed snapshots instead of failing on them (test)."
        case .junit: "Also write the results as JUnit XML to FILE (test)."
        case .jobs: "Run up to N examples at once (test; default: the number of CPUs, at most 8)."
        case .snapshots: "Snapshot directory (test; default: ROOT/config/snapshots)."
        case .explain: "Show where each parameter came from and how it is bound (render)."
        }
    }
}
