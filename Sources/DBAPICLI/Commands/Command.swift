import DBAPICore

/// The subcommands of `dbapi`, with the options and arguments each accepts.
enum Command: String, CaseIterable {
    case run, query, list, describe, validate, render

    private static let common: Set<String> = ["--help", "--root", "--format", "--pretty", "--correlation-id", "--verbose"]
    private static let params: Set<String> = ["--param", "--params-json", "--params-file"]
    private static let execution: Set<String> = [
        "--backend", "--mock-data", "--timeout", "--warehouse", "--catalog", "--schema", "--profile", "--row-limit", "--disposition",
        "--wait-timeout",
    ]

    var options: Set<String> {
        switch self {
        case .run: Self.common.union(Self.params).union(Self.execution)
        case .query: Self.common.union(Self.params).union(Self.execution).union(["--sql-file"])
        case .render: Self.common.union(Self.params)
        case .list, .describe, .validate: Self.common
        }
    }

    /// The positional arguments: a name for messages, and how many are required and allowed.
    var positionals: (name: String, required: Int, allowed: Int) {
        switch self {
        case .run, .describe, .render: ("an operation name", 1, 1)
        case .query: ("SQL text or --sql-file FILE", 0, 1)
        case .list, .validate: ("nothing", 0, 0)
        }
    }

    func validate(_ arguments: ParsedArguments) throws(UsageError) {
        if let option = arguments.options.first(where: { !options.contains($0.name) }) {
            throw .optionNotForCommand(option.name, command: rawValue)
        }
        if arguments.positionals.count < positionals.required {
            throw .missingArgument(positionals.name, command: rawValue)
        }
        if arguments.positionals.count > positionals.allowed {
            throw .extraArgument(arguments.positionals[positionals.allowed], command: rawValue)
        }
        if self == .query, arguments.positionals.isEmpty == (arguments.value("--sql-file") == nil) {
            throw .missingArgument("either SQL text or --sql-file FILE (not both)", command: rawValue)
        }
    }

    func execute(_ invocation: Invocation) async -> Int32 {
        switch self {
        case .run: await RunCommand(invocation: invocation).execute()
        case .query: await QueryCommand(invocation: invocation).execute()
        case .list: ListCommand(invocation: invocation).execute()
        case .describe: DescribeCommand(invocation: invocation).execute()
        case .validate: ValidateCommand(invocation: invocation).execute()
        case .render: RenderCommand(invocation: invocation).execute()
        }
    }

    static func suggestion(for name: String) -> String? {
        NameSuggestion.closest(to: name, among: allCases.map(\.rawValue) + ["help"])
    }
}
