import DBAPICore

/// Command-line words split into a command, positional arguments and options, in order.
///
/// Accepts `--name value`, `--name=value`, boolean flags, `-h`, and `--` (everything after it is
/// positional). Which options take a value comes from `Option`.
struct ParsedArguments {
    var command: String?
    var positionals: [String] = []
    /// Options in the order given, so later parameter sources override earlier ones.
    var options: [(option: Option, value: String?)] = []

    func has(_ option: Option) -> Bool { options.contains { $0.option == option } }

    /// The last value of an option.
    func value(_ option: Option) -> String? { options.last { $0.option == option }?.value }

    /// The last value of an option parsed by `parse`; a value it refuses is a usage error that says
    /// what the option accepts.
    func decode<Value>(_ option: Option, _ parse: (String) -> Value?) throws(UsageError) -> Value? {
        guard let text = value(option) else { return nil }
        guard let value = parse(text) else {
            throw .invalidValue(option: option.rawValue, value: text, expected: option.expected ?? "a value")
        }
        return value
    }

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
            guard let option = Option.named(name) else {
                throw UsageError.unknownOption(name, suggestion: NameSuggestion.closest(to: name, among: Option.allCases.map(\.rawValue)))
            }
            if let placeholder = option.placeholder {
                if let inlineValue {
                    parsed.options.append((option, inlineValue))
                } else {
                    guard index < words.count else { throw UsageError.missingValue(option.rawValue, placeholder: placeholder) }
                    parsed.options.append((option, words[index]))
                    index += 1
                }
            } else {
                guard inlineValue == nil else { throw UsageError.unexpectedValue(option.rawValue) }
                parsed.options.append((option, nil))
            }
        }
        return parsed
    }
}
