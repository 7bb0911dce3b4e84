import DBAPICore

/// Errors from talking to a Databricks workspace, each mapped to one `ErrorCode`.
public enum DatabricksError: ReportableError, Equatable {
    /// Configuration is missing or contradictory; `source` says where settings were read from.
    case configuration(String, source: String)
    /// No token could be obtained: a CLI login expired or failed, or a token source answered nonsense.
    case authentication(String)
    /// The workspace answered with an HTTP error.
    case http(status: Int, errorCode: String?, message: String, method: String, path: String, attempts: Int)
    /// The statement reached FAILED.
    case statementFailed(statementID: String, errorCode: String?, sqlState: String?, message: String)
    case statementCanceled(statementID: String)
    case statementClosed(statementID: String)
    case timedOut(statementID: String?, seconds: Double, canceled: Bool)
    case interrupted(statementID: String?, signal: String)
    case transport(String, method: String, path: String, attempts: Int)
    case malformedResponse(String)
    /// A path the server supplied (`next_chunk_internal_link`) that is not a plain absolute path on
    /// the configured host; refused before anything is sent (retrying cannot help).
    case refusedPath(String, host: String)
    /// A result broke its completeness invariant, or a chunk of it could not be decoded.
    case incompleteResult(statementID: String, chunkIndex: Int?, reason: String)
    /// The workspace answered with a redirect, which dbapi does not follow for API requests: the
    /// Statement Execution API never redirects, and the request carries the credentials.
    case redirected(status: Int, location: String?, method: String, path: String)

    public var code: ErrorCode {
        switch self {
        case .configuration: return .configuration
        case .authentication: return .authentication
        case let .http(status, errorCode, _, _, _, _): return Self.classify(status: status, errorCode: errorCode)
        case let .statementFailed(_, errorCode, _, _):
            switch errorCode {
            case "TEMPORARILY_UNAVAILABLE", "SERVICE_UNDER_MAINTENANCE", "WORKSPACE_TEMPORARILY_UNAVAILABLE": return .unavailable
            case "RESOURCE_EXHAUSTED": return .rateLimited
            case "UNAUTHENTICATED": return .authentication
            case "PERMISSION_DENIED": return .permission
            case "NOT_FOUND": return .notFound
            case "DEADLINE_EXCEEDED": return .timeout
            case "CANCELLED", "ABORTED": return .canceled
            case "INTERNAL_ERROR", "UNKNOWN", "IO_ERROR": return .unavailable
            default: return .sql
            }
        case .statementCanceled, .interrupted: return .canceled
        case .statementClosed: return .notFound
        case .timedOut: return .timeout
        case .transport: return .unavailable
        case .malformedResponse, .refusedPath: return .unavailable
        case .incompleteResult: return .incompleteResult
        // The configured address did not serve the API (a proxy, a moved workspace, a login page);
        // a Private Link rejection is a redirect to a login page naming it (the SDKs call it a 403).
        case .redirected(_, let location, _, _):
            return location?.contains("private-link-validation-error") == true ? .permission : .unavailable
        }
    }

    /// The error for a 3xx answer (never followed, see `HTTPRequest.followsRedirects`), else nil.
    static func redirect(_ response: HTTPResponse, method: String, path: String) -> DatabricksError? {
        guard (300..<400).contains(response.status) else { return nil }
        return .redirected(status: response.status, location: response.header("Location"), method: method, path: path)
    }

    /// Spark's error class at the start of a warehouse message: `[PARSE_SYNTAX_ERROR] Syntax error …`
    /// gives `PARSE_SYNTAX_ERROR` (subclasses kept: `DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES`).
    static func errorClass(in message: String) -> String? {
        let text = message.trimmingSpaces()
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(after: text.startIndex)..<close]
        let isClass =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        return isClass ? String(name) : nil
    }

    /// The SQLSTATE a warehouse message names (`… SQLSTATE: 42601 …`), for servers that do not send
    /// `status.sql_state`.
    static func sqlState(in message: String) -> String? {
        guard let marker = message.range(of: "SQLSTATE: ") else { return nil }
        let state = message[marker.upperBound...].prefix(5)
        return state.count == 5 && state.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            ? String(state) : nil
    }

    /// HTTP status and `error_code` to an error class (the SDKs' mapping; `error_code` wins).
    static func classify(status: Int, errorCode: String?) -> ErrorCode {
        switch errorCode {
        case "INVALID_PARAMETER_VALUE", "INVALID_STATE", "BAD_REQUEST": return .sql
        case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND": return .notFound
        case "RESOURCE_EXHAUSTED", "REQUEST_LIMIT_EXCEEDED": return .rateLimited
        case "PERMISSION_DENIED": return .permission
        case "UNAUTHENTICATED": return .authentication
        case "TEMPORARILY_UNAVAILABLE": return .unavailable
        case "DEADLINE_EXCEEDED": return .timeout
        default: break
        }
        switch status {
        case 400: return .sql
        case 401: return .authentication
        case 403: return .permission
        case 404: return .notFound
        case 429: return .rateLimited
        case 499: return .canceled
        case 504: return .timeout
        default: return .unavailable
        }
    }

    /// A redirect is answered again on a retry, and a refused path is refused again; otherwise the
    /// class decides.
    public var isRetryable: Bool {
        switch self {
        case .redirected, .refusedPath: return false
        default: return code.isRetryableByDefault
        }
    }

    public var description: String {
        switch self {
        case let .configuration(message, source): return "\(message) (settings from \(source))"
        case .authentication(let message): return message
        case let .http(status, errorCode, message, method, path, attempts):
            let tried = attempts > 1 ? " after \(attempts) attempts" : ""
            return "\(method) \(path) failed with HTTP \(status)\(errorCode.map { " \($0)" } ?? ""): \(message)\(tried)"
        case let .statementFailed(id, errorCode, sqlState, message):
            let codes = [errorCode, sqlState.map { "SQLSTATE \($0)" }].compactMap { $0 }.joined(separator: ", ")
            return "statement \(id) failed\(codes.isEmpty ? "" : " (\(codes))"): \(message.trimmingSpaces())"
        case .statementCanceled(let id): return "statement \(id) was canceled"
        case .statementClosed(let id): return "statement \(id) is closed: its result is no longer available"
        case let .timedOut(id, seconds, canceled):
            let statement = id.map { "statement \($0) " } ?? ""
            return "\(statement)timed out after \(seconds) s (--timeout)" + (canceled ? "; it was canceled on the warehouse" : "")
        case let .interrupted(id, signal):
            return "interrupted by \(signal)" + (id.map { "; statement \($0) was canceled on the warehouse" } ?? "")
        case let .transport(message, method, path, attempts):
            return "\(method) \(path): \(message)\(attempts > 1 ? " after \(attempts) attempts" : "")"
        case .malformedResponse(let message): return "unexpected response from Databricks: \(message)"
        case let .refusedPath(path, host):
            return "unexpected response from Databricks: refused to request '\(path)': not an absolute path on \(host)"
        case let .incompleteResult(id, _, reason): return "incomplete result of statement \(id): \(reason)"
        case let .redirected(status, location, method, path):
            let target = location.map { "a redirect to \(excerpt($0, limit: 200))" } ?? "a redirect without a Location"
            return
                "\(method) \(path) was answered with HTTP \(status), \(target); dbapi does not follow redirects of workspace API requests (they carry the credentials): check DATABRICKS_HOST"
        }
    }

    public var details: [String: JSONValue] {
        switch self {
        case let .http(status, errorCode, _, _, _, attempts):
            ["http_status": .int(Int64(status)), "error_code": errorCode.map { .string($0) } ?? .null, "attempts": .int(Int64(attempts))]
        case let .statementFailed(id, errorCode, sqlState, message):
            [
                "statement_id": .string(id), "error_code": errorCode.map { .string($0) } ?? .null,
                "sql_state": (sqlState ?? Self.sqlState(in: message)).map { .string($0) } ?? .null,
                "error_class": Self.errorClass(in: message).map { .string($0) } ?? .null,
            ]
        case .statementCanceled(let id), .statementClosed(let id): ["statement_id": .string(id)]
        case .redirected(let status, _, _, _): ["http_status": .int(Int64(status))]
        case let .timedOut(id, _, _), let .interrupted(id, _): ["statement_id": id.map { .string($0) } ?? .null]
        case let .incompleteResult(id, chunk, _): ["statement_id": .string(id), "chunk_index": chunk.map { .int(Int64($0)) } ?? .null]
        default: [:]
        }
    }
}
