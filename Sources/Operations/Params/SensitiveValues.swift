import DBAPICore
import SQLText

/// The values of an operation's sensitive parameters (`"sensitive": true`) in every text form they
/// can take in a message — as typed, shortened as error messages shorten it, as JSON, as a Spark
/// literal — so that error messages and details, `render` and `describe` can be scrubbed of them.
/// (On Databricks a value is always a native parameter, never statement text, so it stays out of
/// the warehouse's query history too.)
public struct SensitiveValues: Sendable {
    /// What a sensitive value is shown as.
    public static let placeholder = "<redacted>"

    /// The forms, longest first (so a form containing another is replaced whole).
    private var forms: [String] = []

    public init() {}

    /// The raw inputs of `operation`'s sensitive parameters and, when known, their coerced values.
    public init(_ operation: Operation, raw: [String: RawParam], values: [String: SQLValue] = [:]) {
        for spec in operation.params where spec.isSensitive {
            if let given = raw[spec.name] { add(given) }
            if let value = values[spec.name] { add(value, type: spec.sqlType(for: value)) }
        }
    }

    public var isEmpty: Bool { forms.isEmpty }

    /// Adds the forms of a value as it arrived.
    mutating func add(_ raw: RawParam) {
        switch raw {
        case .text(let text): add(forms: [text, excerpt(text)])
        case .json(let json): add(json)
        }
    }

    /// Adds the forms of a JSON value: its text, and each string and element inside it.
    mutating func add(_ json: JSONValue) {
        let text = JSONWriter().string(json)
        add(forms: [text, excerpt(text)])
        switch json {
        case .string(let string): add(forms: [string, excerpt(string)])
        case .array(let items): for item in items { add(item) }
        default: break
        }
    }

    /// Adds the forms of a coerced value: its text, its JSON, its Spark literal.
    mutating func add(_ value: SQLValue, type: SQLType) {
        add(value.json)
        add(forms: [value.description, (try? SparkLiteral.render(value, type: type)) ?? ""])
        if case .array(let items) = value {
            var elementType = type
            if case .array(let element) = type { elementType = element }
            for item in items { add(item, type: elementType) }
        }
    }

    private mutating func add(forms new: [String]) {
        for form in new where !form.isEmpty && form != Self.placeholder && !forms.contains(form) { forms.append(form) }
        forms.sort { $0.unicodeScalars.count > $1.unicodeScalars.count }
    }

    /// `text` with every form replaced by the placeholder.
    public func redact(_ text: String) -> String {
        var text = text
        for form in forms where text.contains(form) { text = text.replacing(scalars: form, with: Self.placeholder) }
        return text
    }

    /// `json` with every string (keys included) redacted.
    public func redact(_ json: JSONValue) -> JSONValue {
        switch json {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redact))
        case .object(let object): .object(JSONObject(object.members.map { (redact($0.key), redact($0.value)) }))
        default: json
        }
    }

    /// The error with its message and details redacted (any error becomes reportable as
    /// `Envelope.failure(reporting:)` would make it).
    public func redact(_ error: any Error) -> any Error {
        guard !forms.isEmpty else { return error }
        let reportable = error as? any ReportableError ?? DBAPIError(.internal, "unexpected error: \(error)")
        return RedactedError(
            code: reportable.code, description: redact(reportable.description),
            details: reportable.details.mapValues(redact), isRetryable: reportable.isRetryable)
    }
}

/// An error as it may be shown: the same code and retry advice, sensitive values taken out.
struct RedactedError: ReportableError {
    let code: ErrorCode
    let description: String
    let details: [String: JSONValue]
    let isRetryable: Bool
}
