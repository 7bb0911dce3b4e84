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
