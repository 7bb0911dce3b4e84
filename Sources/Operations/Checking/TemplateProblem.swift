import DBAPICore

/// One problem `dbapi check` found in a template: where (the template file, line and column), which
/// operation and query use it, Spark's error class and the message.
public struct TemplateProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let operation: String
    public let query: String?
    /// Spark's error class (`TABLE_OR_VIEW_NOT_FOUND`, `UNSUPPORTED_FEATURE`, …), or
    /// `CONFIGURATION_ERROR` for a problem `dbapi validate` reports.
    public let errorClass: String
    public let message: String

    /// `queries/a.sql:3:8: TABLE_OR_VIEW_NOT_FOUND: message (op a/b)`.
    public var description: String {
        "\(location): \(errorClass): \(message) (\(operation))"
    }

    /// `file:line:column`, as far as known.
    public var location: String {
        file + (line.map { ":\($0)" } ?? "") + (column.map { ":\($0)" } ?? "")
    }

    public var json: JSONValue {
        .object(
            JSONObject([
                ("file", .string(file)), ("line", line.map { .int(Int64($0)) } ?? .null),
                ("column", column.map { .int(Int64($0)) } ?? .null), ("operation", .string(operation)),
                ("query", query.map { .string($0) } ?? .null), ("error_class", .string(errorClass)),
                ("message", .string(message)),
            ]))
    }
}
