/// An error that can be reported in an error envelope.
///
/// Every module's error enum conforms, so the CLI turns any failure into a code, a message,
/// details and an exit status in one place. `description` never contains credentials or bound values
/// beyond the truncated excerpt a message needs.
public protocol ReportableError: Error, CustomStringConvertible {
    /// The class of failure.
    var code: ErrorCode { get }
    /// Structured facts about the failure (parameter name, file, line, ...).
    var details: [String: JSONValue] { get }
    /// Whether the same request may succeed if retried.
    var isRetryable: Bool { get }
}

extension ReportableError {
    public var details: [String: JSONValue] { [:] }
    public var isRetryable: Bool { code.isRetryableByDefault }
}

/// A ready-made reportable error for places that only need a code and a message.
public struct DBAPIError: ReportableError, Equatable {
    public let code: ErrorCode
    public let message: String
    public let details: [String: JSONValue]

    /// Creates an error with a code, a message and optional details.
    public init(_ code: ErrorCode, _ message: String, details: [String: JSONValue] = [:]) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String { message }
}

/// Shortens a user-supplied value for inclusion in an error message.
package func excerpt(_ text: String, limit: Int = 40) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars.prefix(limit))
    return String(out) + "…"
}
