import DBAPICore

/// Errors in the parameters of one request. Every message names the parameter, what was expected
/// and (truncated) what was received.
public enum ParamError: ReportableError, Equatable {
    case invalid(param: String, expected: String, received: String)
    case missing(param: String, expected: String)
    case notNullable(param: String, expected: String)
    case unknown(param: String, known: [String])
    case emptyList(param: String)
    case typedParameterNotAllowed(String)
    case unbound(marker: String, line: Int, column: Int)

    public var code: ErrorCode { .invalidParameter }

    public var description: String {
        switch self {
        case let .invalid(param, expected, received): "\(param) must be \(expected), got \(received)"
        case let .missing(param, expected): "\(param) is required: expected \(expected)"
        case let .notNullable(param, expected): "\(param) must not be null: expected \(expected)"
        case let .unknown(param, known):
            "unknown parameter '\(param)'; known parameters: \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case .emptyList(let param): "\(param) must not be empty: it is used with IN, and IN () is not valid SQL"
        case .typedParameterNotAllowed(let key): "'\(key)': typed parameters (name:TYPE=value) are only for 'dbapi query'"
        case let .unbound(marker, line, column): "no value for :\(marker) at \(line):\(column) (pass --param \(marker)=…)"
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case let .invalid(param, expected, received):
            ["param": .string(param), "expected": .string(expected), "received": .string(received)]
        case let .missing(param, expected), let .notNullable(param, expected):
            ["param": .string(param), "expected": .string(expected)]
        case let .unknown(param, known): ["param": .string(param), "known": .array(known.map { .string($0) })]
        case .emptyList(let param): ["param": .string(param)]
        case .typedParameterNotAllowed(let key): ["param": .string(key)]
        case .unbound(let marker, _, _): ["param": .string(marker)]
        }
    }
}

/// A raw parameter value as it arrived: text from `--param k=v`, or a JSON value.
public enum RawParam: Sendable, Equatable {
    case text(String)
    case json(JSONValue)

    /// How the value is quoted in error messages: `"-3"`, `[1,2]`, truncated.
    var display: String {
        switch self {
        case .text(let text): "\"" + excerpt(text) + "\""
        case .json(let json): excerpt(JSONWriter().string(json))
        }
    }
}
