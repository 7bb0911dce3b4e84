/// Help for `dbapi` and each command: USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS sections.
enum HelpText {
    static let main = """
        OVERVIEW: Run named, parameterized SQL operations against Databricks or an in-memory Spark SQL engine.

        USAGE: dbapi <command> [options]

        SUBCOMMANDS:
          run OP          Run an operation and print its envelope.
          query SQL       Run ad-hoc SQL through the same binder and backend.
          list            List the operations.
          describe OP     Show an operation's parameters, queries and mapping.
          validate        Check every operation, template and mapping expression.
          render OP       Print the bound SQL of an operation without running it.
          diff OP...      Run operations on the mock and on Databricks and compare the results.
          snapshot TABLE  Copy warehouse tables into mock data files.
          result ID       Wait for a statement submitted with --async and print its result.
          cancel ID       Cancel a statement submitted with --async.
          auth describe   Show how dbapi signs in to Databricks, and whether it can.
          help [COMMAND]  Show help.

        OPTIONS:
          -h, --help      Show help.
          -V, --version   Print the version.

        See 'dbapi <command> --help' for a command's options.

        """

    static func usage(for command: Command) -> String {
        switch command {
        case .run: "dbapi run OP [--param NAME=VALUE]... [--params-json JSON | --params-file FILE] [options]"
        case .query: "dbapi query (SQL | --sql-file FILE) [--param NAME[:TYPE]=VALUE]... [options]"
        case .list: "dbapi list [options]"
        case .describe: "dbapi describe OP [options]"
        case .validate: "dbapi validate [options]"
        case .render: "dbapi render OP [--param NAME=VALUE]... [options]"
        case .diff: "dbapi diff (OP... | --all) [--param NAME=VALUE]... [options]"
        case .result: "dbapi result STATEMENT_ID [options]"
        case .cancel: "dbapi cancel STATEMENT_ID [options]"
        case .snapshot:
            "dbapi snapshot TABLE... --to DIR [--limit N] [--where SQL] [--columns A,B] [--param NAME[:TYPE]=VALUE]... [options]"
        case .auth: "dbapi auth describe [--profile NAME] [options]"
        }
    }

    private static let summaries: [Command: String] = [
        .run:
            "Run a named operation: validate and coerce its parameters, bind them into its templates, execute them, and print one JSON envelope {status, data, meta}.",
        .query:
            "Run ad-hoc SQL through the same binder and backend. Typed parameters: --param d:date=2024-01-31; untyped ones are strings. data is {\"columns\": [{\"name\", \"type\"}], \"rows\": [[…]]}.",
        .list: "List the operations found under ROOT/config.",
        .describe: "Show an operation's parameters (types, defaults, constraints), queries and response mapping.",
        .validate:
            "Check every operation: templates exist and stay under queries/, every marker is mapped, parameter types, patterns and defaults are valid, and mapping expressions parse. Exits 78 with every problem listed.",
        .render:
            "Print the SQL each query of an operation would run, with parameters inlined as Spark SQL literals. Nothing is executed. With --format json, prints {\"queries\": [{\"name\", \"sql\"}]}.",
        .diff:
            "Run each statement of the operations, with the same parameters, on the mock and on Databricks, and report column names and types that differ, rows found on one side only (as multisets unless the SQL orders them), values that differ (decimals exactly, doubles within n ulps for n rows) and errors on one side only. Exits 1 when anything differs. With --format json, prints {\"equal\", \"operations\": [...]}.",
        .result:
            "Wait for a statement submitted with 'run --async' or 'query --async' and print its result as 'query' does (same integrity checks, same formats).",
        .cancel: "Cancel a statement submitted with 'run --async' or 'query --async'.",
        .snapshot:
            "Read tables from a backend (databricks unless --backend says otherwise) and write each as mock data: TABLE.jsonl and TABLE.schema.json with the warehouse's exact column types, rows in a stable order. Files are written under temporary names and renamed when complete; a failed or interrupted read writes nothing.",
        .auth:
            "Show the Databricks workspace host, the auth type, where each setting came from (flag, environment, profile and file), and whether a token can be obtained now (it tries; no secret is shown). Exits 0 when it can, else with the error's status.",
    ]

    static func text(for command: Command) -> String {
        var text = "OVERVIEW: \(summaries[command] ?? "")\n\nUSAGE: \(usage(for: command))\n"
        switch command {
        case .run, .describe, .render: text += "\nARGUMENTS:\n  OP                      The operation name, e.g. inventory/status.\n"
        case .query: text += "\nARGUMENTS:\n  SQL                     The SQL text, with :name markers.\n"
        case .diff: text += "\nARGUMENTS:\n  OP...                   Operation names, e.g. inventory/status (or --all).\n"
        case .snapshot: text += "\nARGUMENTS:\n  TABLE...                Table names, e.g. retail.products.\n"
        case .result, .cancel: text += "\nARGUMENTS:\n  STATEMENT_ID            The statement_id 'run --async' printed.\n"
        case .auth: text += "\nSUBCOMMANDS:\n  describe                Describe the configured authentication.\n"
        default: break
        }
        text += "\nOPTIONS:\n"
        for option in command.options.sorted(by: { $0.rawValue < $1.rawValue }) {
            let label = option.placeholder.map { "\(option.rawValue) \($0)" } ?? option.rawValue
            text += "  " + label.padding(24) + option.help + "\n"
        }
        return text
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + "  " : self + String(repeating: " ", count: width - count)
    }
}
