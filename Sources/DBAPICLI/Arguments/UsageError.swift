import DBAPICore

/// A command line that cannot be understood. Exit status 64 (`EX_USAGE`).
enum UsageError: ReportableError, Equatable {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(String, placeholder: String)
    case unexpectedValue(String)
    case optionNotForCommand(String, command: String)
    case missingArgument(String, command: String)
    case extraArgument(String, command: String)
    case invalidValue(option: String, value: String, expected: String)
    case missingCommand

    var code: ErrorCode { .usage }

    var description: String {
        switch self {
        case let .unknownCommand(name, suggestion): "unknown command '\(name)'" + NameSuggestion.hint(suggestion)
        case let .unknownOption(name, suggestion): "unknown option '\(name)'" + NameSuggestion.hint(suggestion)
        case let .missingValue(name, placeholder): "\(name) needs a value (\(name) \(placeholder))"
        case .unexpectedValue(let name): "\(name) does not take a value"
        case let .optionNotForCommand(name, command): "\(name) does not apply to '\(command)'"
        case let .missingArgument(what, command): "'\(command)' needs \(what)"
        case let .extraArgument(word, command): "unexpected argument '\(word)' for '\(command)'"
        case let .invalidValue(option, value, expected): "\(option) must be \(expected), got '\(excerpt(value))'"
        case .missingCommand: "no command given"
        }
    }
}
