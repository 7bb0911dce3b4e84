extension SQLValue {
    /// The JSON form used in envelopes: integers as numbers, decimals as exact numbers, dates
    /// `YYYY-MM-DD`, timestamps ISO 8601 UTC with `Z` (TIMESTAMP_NTZ without a zone), intervals in Spark's
    /// ANSI form (`INTERVAL '1-2' YEAR TO MONTH`), NULL as null; an ARRAY as a JSON array, a STRUCT as an
    /// object keyed by field name, a MAP as an object keyed by `jsonKey` (the form a warehouse's JSON_ARRAY
    /// result gives them, so both backends agree).
    public var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .double(number)  // NaN and ±Infinity are written as "NaN", "Infinity", "-Infinity"
        case .decimal(let number): .number(number.description)
        case .string(let text): .string(text)
        // No result holds BINARY (the mock refuses such a column, `ResultTypeCheck`); its literal text if one did.
        case .binary: .string(description)
        case .date(let days): .string(CivilTime.formatDate(days))
        case .timestamp(let micros): .string(CivilTime.formatTimestamp(micros))
        case .timestampNTZ(let micros): .string(CivilTime.formatTimestamp(micros, zone: ""))
        case .interval(let interval): .string(interval.description)
        case .array(let items): .array(items.map(\.json))
        case .map(let entries): .object(JSONObject(entries.map { ($0.key.jsonKey, $0.value.json) }))
        case .struct(let fields): .object(JSONObject(fields.map { ($0.name, $0.value.json) }))
        }
    }

    /// A MAP key as a JSON object key: the text of a value written as a JSON string (strings, dates,
    /// timestamps), else the key's JSON text (`1`, `true`, `[1,2]`).
    public var jsonKey: String {
        let form = json
        if case .string(let text) = form { return text }
        return JSONWriter().string(form)
    }
}

extension SQLValue {
    /// Appends the UTF-8 JSON text of `json` without building it: the streaming output path.
    public func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .int(let number): SQLDecimal(number).appendDescription(to: &bytes)
        case .double(let number): bytes.append(contentsOf: JSONWriter.formatDouble(number).utf8)
        case .decimal(let number): number.appendDescription(to: &bytes)
        case .string(let text): JSONWriter.appendString(text, to: &bytes)
        case .binary: JSONWriter.appendString(description, to: &bytes)
        case .date(let days):
            bytes.append(UInt8(ascii: "\""))
            CivilTime.appendDate(days, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .timestamp(let micros):
            bytes.append(UInt8(ascii: "\""))
            CivilTime.appendTimestamp(micros, to: &bytes)
            bytes.append(UInt8(ascii: "Z"))
            bytes.append(UInt8(ascii: "\""))
        case .timestampNTZ(let micros):
            bytes.append(UInt8(ascii: "\""))
            CivilTime.appendTimestamp(micros, to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        case .interval(let interval): JSONWriter.appendString(interval.description, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .map(let entries):
            bytes.append(UInt8(ascii: "{"))
            for (position, entry) in entries.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(entry.key.jsonKey, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                entry.value.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .struct(let fields):
            bytes.append(UInt8(ascii: "{"))
            for (position, field) in fields.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(field.name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                field.value.appendJSON(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
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
