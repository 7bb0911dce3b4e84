import DBAPICore

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
            return "unknown operation '\(name)'" + NameSuggestion.hint(suggestion, otherwise: "; see 'dbapi list'")
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
