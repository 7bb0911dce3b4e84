import DBAPICore

extension SQLValue {
    /// The JSON form used in envelopes: integers as numbers, decimals as exact numbers, dates
    /// `YYYY-MM-DD`, timestamps ISO 8601 UTC with `Z`, NULL (and NaN or infinity) as null.
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): number.isFinite ? .double(number) : .null
        case .decimal(let number): .number(number.description)
        case .string(let text): .string(text)
        case .date(let days): .string(CivilTime.formatDate(days))
        case .timestamp(let micros): .string(CivilTime.formatTimestamp(micros))
        case .array(let items): .array(items.map(\.json))
        }
    }
}

extension ResultSet {
    /// Rows as JSON objects keyed by column name (a repeated name keeps its last value).
    public var jsonObjects: [JSONValue] {
        rows.map { row in
            var object = JSONObject()
            for (column, value) in zip(columns, row) { object[column.name] = value.json }
            return .object(object)
        }
    }
}
