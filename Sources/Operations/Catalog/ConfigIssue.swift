import DBAPICore

/// One problem found in the configuration, with where it is.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// The file, relative to the root (`config/operations/sales.json`, `queries/sales/daily.sql`).
    public let file: String
    public let line: Int?
    public let column: Int?
    public let operation: String?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, operation: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.operation = operation
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return place + ": " + (operation.map { "\($0): " } ?? "") + message
    }

    var json: JSONValue {
        .object(
            JSONObject([
                ("file", .string(file)), ("line", line.map { .int(Int64($0)) } ?? .null),
                ("column", column.map { .int(Int64($0)) } ?? .null), ("operation", operation.map { .string($0) } ?? .null),
                ("message", .string(message)),
            ]))
    }
}

/// Errors from loading or using the operation catalog.
public enum CatalogError: ReportableError, Equatable {
    case invalidConfiguration([ConfigIssue])
    case unknownOperation(String, suggestion: String?)
    case noConfiguration(root: String)

    public var code: ErrorCode {
        switch self {
        case .unknownOperation: .notFound
        default: .configuration
        }
    }

    public var description: String {
        switch self {
        case .invalidConfiguration(let issues):
            let count = issues.count == 1 ? "1 configuration problem" : "\(issues.count) configuration problems"
            return count + ":\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
        case let .unknownOperation(name, suggestion):
            return "unknown operation '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; see 'dbapi list'")
        case .noConfiguration(let root):
            return
                "no operations found: expected \(root)/config/operations.json or \(root)/config/operations/*.json (set --root or DBAPI_ROOT)"
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case .invalidConfiguration(let issues): ["issues": .array(issues.map(\.json))]
        case .unknownOperation(let name, _): ["operation": .string(name)]
        case .noConfiguration(let root): ["root": .string(root)]
        }
    }
}
