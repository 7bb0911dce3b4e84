import DBAPICore

/// Where the rows of a result sit in an envelope's `data`: a format that writes rows as they arrive
/// still writes the envelope the whole result would make.
public enum RowPlacement: Sendable, Equatable {
    /// `{"KEY": [{"column": value, …}, …]}`: an operation whose `data` is its one query's rows.
    case objects(key: String, columns: [String])
    /// `{"columns": [{"name": …, "type": …}, …], "rows": [[value, …], …]}`: an ad-hoc query.
    case arrays(columns: [ResultColumn])

    /// The column names, in order.
    public var columnNames: [String] {
        switch self {
        case .objects(_, let columns): columns
        case .arrays(let columns): columns.map(\.name)
        }
    }

    /// Whether each row is a JSON object (else an array of values).
    public var rowsAreObjects: Bool {
        if case .objects = self { return true }
        return false
    }

    /// `data` with `rows` (the JSON array of the rows) in its place.
    public func data(rows: JSONValue) -> JSONValue {
        switch self {
        case .objects(let key, _):
            return .object(JSONObject([(key, rows)]))
        case .arrays(let columns):
            let described = columns.map { column in
                JSONValue.object(JSONObject([("name", .string(column.name)), ("type", .string(column.type.description))]))
            }
            return .object(JSONObject([("columns", .array(described)), ("rows", rows)]))
        }
    }

    /// One row of values as it sits in `data`.
    public func json(_ row: [JSONValue]) -> JSONValue {
        switch self {
        case .objects(_, let columns):
            var object = JSONObject()
            for (column, value) in zip(columns, row) { object[column] = value }
            return .object(object)
        case .arrays: return .array(row)
        }
    }
}
