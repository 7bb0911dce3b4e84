import DBAPICore

/// Command-line words split into a command, positional arguments and options, in order.
///
/// Accepts `--name value`, `--name=value`, boolean flags, `-h`, and `--` (everything after it is
/// positional). Which options take a value comes from `OptionTable`.
struct ParsedArguments {
    var command: String?
    var positionals: [String] = []
    /// Options in the order given, so later parameter sources override earlier ones.
    var options: [(name: String, value: String?)] = []

    func has(_ name: String) -> Bool { options.contains { $0.name == name } }

    /// The last value of an option.
    func value(_ name: String) -> String? { options.last { $0.name == name }?.value }

    static func parse(_ words: [String]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" {
                if parsed.command == nil, !onlyPositionals {
                    parsed.command = word
                } else {
                    parsed.positionals.append(word)
                }
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name = word
            var inlineValue: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            if name == "-V" { name = "--version" }
            guard let option = OptionTable.all[name] else {
                throw UsageError.unknownOption(name, suggestion: NameSuggestion.closest(to: name, among: Array(OptionTable.all.keys)))
            }
            if option.takesValue {
                if let inlineValue {
                    parsed.options.append((name, inlineValue))
                } else {
                    guard index < words.count else { throw UsageError.missingValue(name, placeholder: option.placeholder) }
                    parsed.options.append((name, words[index]))
                    index += 1
                }
            } else {
                guard inlineValue == nil else { throw UsageError.unexpectedValue(name) }
                parsed.options.append((name, nil))
            }
        }
        return parsed
    }
}

/// Every option dbapi knows, whether it takes a value, and its help line.
struct OptionTable {
    struct Option {
        let takesValue: Bool
        let placeholder: String
        let help: String
    }

    static let all: [String: Option] = [
        "--help": Option(takesValue: false, placeholder: "", help: "Show help for the command."),
        "--version": Option(takesValue: false, placeholder: "", help: "Print the version."),
        "--root": Option(
            takesValue: true, placeholder: "DIR", help: "Directory holding config/ and queries/ (default: $DBAPI_ROOT, else .)."),
        "--mock-data": Option(takesValue: true, placeholder: "DIR", help: "Mock data directory (default: ROOT/config/mock-data)."),
        "--backend": Option(takesValue: true, placeholder: "NAME", help: "Backend: mock (default) or databricks."),
        "--format": Option(takesValue: true, placeholder: "FORMAT", help: "Output: json (default), ndjson, csv or table."),
        "--pretty": Option(takesValue: false, placeholder: "", help: "Indent JSON output."),
        "--correlation-id": Option(takesValue: true, placeholder: "ID", help: "Correlation id for meta and logs (default: a new UUID)."),
        "--timeout": Option(
            takesValue: true, placeholder: "SECONDS", help: "Give up after this many seconds (more than 0, at most 604800)."),
        "--verbose": Option(takesValue: false, placeholder: "", help: "Log what happens to stderr."),
        "--param": Option(
            takesValue: true, placeholder: "NAME=VALUE", help: "A parameter; repeatable. For query: NAME:TYPE=VALUE types it."),
        "--params-json": Option(takesValue: true, placeholder: "JSON", help: "Parameters as a JSON object."),
        "--params-file": Option(takesValue: true, placeholder: "FILE", help: "Parameters from a JSON file ('-' reads stdin)."),
        "--sql-file": Option(takesValue: true, placeholder: "FILE", help: "Read the SQL from a file (query)."),
        "--warehouse": Option(takesValue: true, placeholder: "ID", help: "SQL warehouse id (default: $DATABRICKS_WAREHOUSE_ID)."),
        "--catalog": Option(takesValue: true, placeholder: "NAME", help: "Default catalog for the statements (databricks)."),
        "--schema": Option(takesValue: true, placeholder: "NAME", help: "Default schema for the statements (databricks)."),
        "--profile": Option(
            takesValue: true, placeholder: "NAME", help: "Profile in ~/.databrickscfg (default: $DATABRICKS_CONFIG_PROFILE)."),
        "--row-limit": Option(takesValue: true, placeholder: "N", help: "Cap result rows; truncation is reported in meta (databricks)."),
        "--disposition": Option(takesValue: true, placeholder: "MODE", help: "INLINE (default) or EXTERNAL_LINKS (databricks)."),
        "--wait-timeout": Option(
            takesValue: true, placeholder: "SECONDS", help: "Server-side wait before polling: 0 or 5-50 (default 10)."),
    ]
}
