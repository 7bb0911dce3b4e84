import DBAPICore

/// The subcommands of `dbapi`, with the options and arguments each accepts.
enum Command: String, CaseIterable {
    case run, query, list, describe, validate, render, diff, snapshot, result, cancel, auth, test, check, schema

    private static let common: Set<Option> = [.help, .root, .format, .pretty, .correlationID, .verbose]
    private static let params: Set<Option> = [.param, .paramsJSON, .paramsFile]
    private static let execution: Set<Option> = [
        .backend, .mockData, .timeout, .warehouse, .catalog, .schema, .profile, .rowLimit, .disposition, .waitTimeout, .quiet,
    ]

    var options: Set<Option> {
        switch self {
        case .run: Self.common.union(Self.params).union(Self.execution).union([.async])
        case .query: Self.common.union(Self.params).union(Self.execution).union([.sqlFile, .async])
        case .result, .cancel: Self.common.union(Self.execution)
        case .render: Self.common.union(Self.params).union([.showSensitive, .explain])
        case .list, .describe, .validate: Self.common
        case .diff: Self.common.union(Self.params).union(Self.execution).union([.all, .examples]).subtracting([.backend])
        case .snapshot: Self.common.union(Self.params).union(Self.execution).union([.to, .limit, .filter, .columns, .forOperation])
        case .auth: Self.common.union([.profile])
        case .check: Self.common.union([.mockData])
        case .schema: [.help]
        case .test: Self.execution.union([.help, .root, .correlationID, .verbose, .update, .junit, .jobs, .snapshots])
        }
    }

    /// The positional arguments: a name for messages, and how many are required and allowed.
    var positionals: (name: String, required: Int, allowed: Int) {
        switch self {
        case .run, .describe, .render: ("an operation name", 1, 1)
        case .query: ("SQL text or --sql-file FILE", 0, 1)
        case .list, .validate, .schema: ("nothing", 0, 0)
        case .diff: ("operation names or --all", 0, Int.max)
        case .snapshot: ("table names or --for OP", 0, Int.max)
        case .result, .cancel: ("a statement id", 1, 1)
        case .auth: ("a subcommand: describe", 1, 1)
        case .test, .check: ("operation names", 0, Int.max)
        }
    }

    func validate(_ arguments: ParsedArguments) throws(UsageError) {
        if let given = arguments.options.first(where: { !options.contains($0.option) }) {
            throw .optionNotForCommand(given.option.rawValue, command: rawValue)
        }
        if arguments.positionals.count < positionals.required {
            throw .missingArgument(positionals.name, command: rawValue)
        }
        if arguments.positionals.count > positionals.allowed {
            throw .extraArgument(arguments.positionals[positionals.allowed], command: rawValue)
        }
        if self == .auth, let word = arguments.positionals.first, word != "describe" {
            throw .unknownCommand("auth \(word)", suggestion: "auth describe")
        }
        if self == .query, arguments.positionals.isEmpty == (arguments.value(.sqlFile) == nil) {
            throw .missingArgument("either SQL text or --sql-file FILE (not both)", command: rawValue)
        }
        if self == .snapshot, arguments.value(.to) == nil {
            throw .missingArgument("--to DIR", command: rawValue)
        }
        if self == .snapshot, arguments.positionals.isEmpty, !arguments.has(.forOperation) {
            throw .missingArgument(positionals.name, command: rawValue)
        }
        if self == .diff, arguments.positionals.isEmpty != arguments.has(.all) {
            throw .missingArgument("either operation names or --all (not both)", command: rawValue)
        }
    }

    /// Whether the command runs statements (and so takes `ExecutionOptions`).
    /// Whether a warehouse statement the command runs shows a progress line on a terminal (`test`
    /// runs examples side by side, and `cancel` waits for nothing).
    var showsProgress: Bool { [.run, .query, .diff, .snapshot, .result].contains(self) }

    var executes: Bool { [.run, .query, .diff, .snapshot, .result, .cancel, .test].contains(self) }

    func execute(_ invocation: Invocation) async -> Int32 {
        switch self {
        case .run: await RunCommand(invocation: invocation).execute()
        case .query: await QueryCommand(invocation: invocation).execute()
        case .list: ListCommand(invocation: invocation).execute()
        case .describe: DescribeCommand(invocation: invocation).execute()
        case .validate: ValidateCommand(invocation: invocation).execute()
        case .render: RenderCommand(invocation: invocation).execute()
        case .diff: await DiffCommand(invocation: invocation).execute()
        case .snapshot: await SnapshotCommand(invocation: invocation).execute()
        case .result: await StatementCommands(invocation: invocation).result()
        case .cancel: await StatementCommands(invocation: invocation).cancel()
        case .auth: await AuthCommand(invocation: invocation).execute()
        case .test: await TestCommand(invocation: invocation).execute()
        case .check: CheckCommand(invocation: invocation).execute()
        case .schema: SchemaCommand(invocation: invocation).execute()
        }
    }

    static func suggestion(for name: String) -> String? {
        NameSuggestion.closest(to: name, among: allCases.map(\.rawValue) + ["help"])
    }
}
