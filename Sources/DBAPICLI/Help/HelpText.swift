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
          test [OP...]    Run the operations' examples and compare them with their snapshots.
          check [OP...]   Plan every template with the mock engine, without running it.
          schema          Print the JSON Schema of the operation config (for editors).
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
        case .render: "dbapi render OP [--param NAME=VALUE]... [--explain] [--show-sensitive] [options]"
        case .test: "dbapi test [OP...] [--update] [--backend NAME] [--junit FILE] [--jobs N] [options]"
        case .check: "dbapi check [OP...] [--format table|json] [options]"
        case .schema: "dbapi schema > config/operations.schema.json"
        case .diff: "dbapi diff (OP... | --all) [--param NAME=VALUE... | --examples] [options]"
        case .result: "dbapi result STATEMENT_ID [options]"
        case .cancel: "dbapi cancel STATEMENT_ID [options]"
        case .snapshot:
            "dbapi snapshot (TABLE... | --for OP) --to DIR [--limit N] [--where SQL] [--columns A,B] [--param NAME[:TYPE]=VALUE]... [options]"
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
            "Print the SQL each query of an operation would run, with parameters inlined as Spark SQL literals. Nothing is executed. With --format json, prints {\"queries\": [{\"name\", \"sql\"}]}. With --explain, a table of each parameter: where its value came from (--param, --params-json, --params-file, default), the raw text, the coerced value, its Spark type, and for each marker the inline literal and the native form (marker text and parameters entries); with --format json as {\"params\", \"queries\"}.",
        .schema:
            "Print the JSON Schema (draft 2020-12) of the operation config files: every key, its type, constraints and a description. Name it in a config file's \"$schema\" for editor completion and checks.",
        .check:
            "Bind every template of every operation (or of those named) with values of the declared types and plan it with the mock engine against the mock data's schemas, without running it. Each problem is listed with the template's file:line:column and Spark's error class: unknown table or column, type errors, a marker whose type cannot stand where it is (a BIGINT after LIMIT), SQL the mock does not support yet (UNSUPPORTED_FEATURE: the template may still be valid Spark). A table by default; --format json for tools. Exits 78 when there is any problem.",
        .test:
            "Run every example of the operations (or of those named) and compare each result with its snapshot file SNAPSHOTS/OP/EXAMPLE.json: one line per example, a diff for each mismatch, then a summary. A missing snapshot fails unless --update writes it. Exits 0 only when all pass, 1 when any fails.",
        .diff:
            "Run each statement of the operations, with the same parameters, on the mock and on Databricks, and report column names and types that differ, rows found on one side only (as multisets unless the SQL orders them), values that differ (decimals exactly, doubles within n ulps for n rows) and errors on one side only. Exits 1 when anything differs. With --format json, prints {\"equal\", \"operations\": [...]}.",
        .result:
            "Wait for a statement submitted with 'run --async' or 'query --async' and print its result as 'query' does (same integrity checks, same formats).",
        .cancel: "Cancel a statement submitted with 'run --async' or 'query --async'.",
        .snapshot:
            "Read tables from a backend (databricks unless --backend says otherwise) and write each as mock data: TABLE.jsonl and TABLE.schema.json with the warehouse's exact column types, rows in a stable order. --for OP adds every table the operation's templates read (bound as 'dbapi check' binds them, found by the mock engine's parser). Files are written under temporary names and renamed when complete; a failed or interrupted read writes nothing.",
        .auth:
            "Show the Databricks workspace host, the auth type, where each setting came from (flag, environment, profile and file), and whether a token can be obtained now (it tries; no secret is shown). Exits 0 when it can, else with the error's status.",
    ]

    static func text(for command: Command) -> String {
        var text = "OVERVIEW: \(summaries[command] ?? "")\n\nUSAGE: \(usage(for: command))\n"
        switch command {
        case .run, .describe, .render: text += "\nARGUMENTS:\n  OP                      The operation name, e.g. inventory/status.\n"
        case .test: text += "\nARGUMENTS:\n  OP...                   Operations whose examples run (default: all).\n"
        case .check: text += "\nARGUMENTS:\n  OP...                   Operations whose templates are checked (default: all).\n"
        case .query: text += "\nARGUMENTS:\n  SQL                     The SQL text, with :name markers.\n"
        case .diff: text += "\nARGUMENTS:\n  OP...                   Operation names, e.g. inventory/status (or --all).\n"
        case .snapshot: text += "\nARGUMENTS:\n  TABLE...                Table names, e.g. retail.products (or --for OP).\n"
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
