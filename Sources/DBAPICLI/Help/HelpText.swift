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
          test [OP...]    Run the operations' examples and compare them with their snapshots.
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
        case .test: "dbapi test [OP...] [--update] [--backend NAME] [--junit FILE] [--jobs N] [options]"
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
        .test:
            "Run every example of the operations (or of those named) and compare each result with its snapshot file SNAPSHOTS/OP/EXAMPLE.json: one line per example, a diff for each mismatch, then a summary. A missing snapshot fails unless --update writes it. Exits 0 only when all pass, 1 when any fails.",
    ]

    static func text(for command: Command) -> String {
        var text = "OVERVIEW: \(summaries[command] ?? "")\n\nUSAGE: \(usage(for: command))\n"
        switch command {
        case .run, .describe, .render: text += "\nARGUMENTS:\n  OP                      The operation name, e.g. inventory/status.\n"
        case .test: text += "\nARGUMENTS:\n  OP...                   Operations whose examples run (default: all).\n"
        case .query: text += "\nARGUMENTS:\n  SQL                     The SQL text, with :name markers.\n"
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
