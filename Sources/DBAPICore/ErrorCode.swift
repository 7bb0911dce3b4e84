/// The stable classes of failure that every error in dbapi maps to.
///
/// Each case has one wire name (used in the error envelope) and one process exit status, both
/// documented in the README. Modules define their own error enums and map each case to one of these.
public enum ErrorCode: String, Sendable, CaseIterable, Codable {
    case usage = "USAGE_ERROR"
    case invalidParameter = "INVALID_PARAMETER"
    case notFound = "NOT_FOUND"
    case sql = "SQL_ERROR"
    case template = "TEMPLATE_ERROR"
    case unavailable = "UNAVAILABLE"
    case `internal` = "INTERNAL_ERROR"
    case rateLimited = "RATE_LIMITED"
    case timeout = "TIMEOUT"
    case authentication = "AUTHENTICATION_FAILED"
    case permission = "PERMISSION_DENIED"
    case configuration = "CONFIGURATION_ERROR"
    case canceled = "CANCELED"
    /// A backend's result broke its completeness invariant (missing, repeated or short chunks).
    case incompleteResult = "INCOMPLETE_RESULT"

    /// The process exit status for this class of failure (success is 0).
    public var exitStatus: Int32 {
        switch self {
        case .usage: 64
        case .invalidParameter: 65
        case .notFound: 66
        case .sql: 67
        case .template: 68
        case .unavailable: 69
        case .internal: 70
        case .rateLimited: 71
        case .timeout: 72
        case .authentication: 73
        case .permission: 77
        case .incompleteResult: 74
        case .configuration: 78
        case .canceled: 130
        }
    }

    /// Whether retrying the same request later may succeed.
    public var isRetryableByDefault: Bool {
        switch self {
        case .rateLimited, .unavailable, .timeout, .incompleteResult: true
        default: false
        }
    }
}
