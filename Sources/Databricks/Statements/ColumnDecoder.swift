import DBAPICore

/// Turns the strings of a JSON_ARRAY result into typed values, per column, from `type_name`
/// (and `type_text` for nested and decimal types). Every non-null value arrives as a string; it is
/// decoded straight from its UTF-8 bytes, and a value that does not parse as its type is kept as text.
/// ARRAY, MAP and STRUCT values arrive as JSON text and are typed by `type_text` with the rules the
/// mock engine reads nested mock data by (`SQLValue(json:as:)`), so both backends write them alike.
struct ColumnDecoder: Sendable {
    let column: ResultColumn
    let kind: Kind

    /// How a column's text becomes a value.
    enum Kind: Sendable {
        case integer
        case double
        case decimal
        case boolean
        case date
        case timestamp
        /// A local date-time without a zone (`2021-06-15T12:34:56.789`).
        case timestampNTZ
        /// An ANSI interval, in either the ANSI form (`INTERVAL '1-2' YEAR TO MONTH`) or the bare one
        /// (`1-2`, `3 04:05:06.000000000`); written back in the ANSI form, as the mock writes it.
        case interval(IntervalField, IntervalField)
        /// ARRAY, MAP, STRUCT: JSON text read as this type (by its JSON form alone if it does not fit).
        case typed(SQLType)
        /// A nested type dbapi cannot model: JSON text read by its JSON form alone.
        case nested
        case text
    }

    init(name: String, typeName: String, typeText: String?, precision: Int?, scale: Int?) {
        let text = (typeText ?? typeName).uppercased()
        let upperName = typeName.uppercased()
        switch upperName {
        case "BYTE", "SHORT", "INT", "LONG", "INTEGER", "BIGINT", "TINYINT", "SMALLINT":
            let type: SQLType =
                ["BYTE": .tinyint, "TINYINT": .tinyint, "SHORT": .smallint, "SMALLINT": .smallint, "INT": .int, "INTEGER": .int][
                    upperName] ?? .bigint
            (column, kind) = (ResultColumn(name: name, type: type), .integer)
        case "FLOAT", "DOUBLE":
            (column, kind) = (ResultColumn(name: name, type: upperName == "FLOAT" ? .float : .double), .double)
        case "DECIMAL":
            let type = SQLType(sparkName: text) ?? .decimal(precision: precision ?? 38, scale: scale ?? 0)
            (column, kind) = (ResultColumn(name: name, type: type), .decimal)
        case "BOOLEAN":
            (column, kind) = (ResultColumn(name: name, type: .boolean), .boolean)
        case "DATE":
            (column, kind) = (ResultColumn(name: name, type: .date), .date)
        case "TIMESTAMP":
            (column, kind) = (ResultColumn(name: name, type: .timestamp), .timestamp)
        case "TIMESTAMP_NTZ":
            (column, kind) = (ResultColumn(name: name, type: .timestampNTZ), .timestampNTZ)
        case "INTERVAL":
            if case let .interval(start, end)? = SQLType(sparkName: typeText ?? typeName) {
                (column, kind) = (ResultColumn(name: name, type: .interval(start, end)), .interval(start, end))
            } else {
                (column, kind) = (ResultColumn(name: name, type: .string), .text)
            }
        case "ARRAY", "MAP", "STRUCT":
            switch SQLType(sparkName: typeText ?? typeName) {
            // BINARY inside is kept as the warehouse's text (its encoding is not documented), as a top-level BINARY is.
            case let type? where type.isNested && !type.containsBinary:
                (column, kind) = (ResultColumn(name: name, type: type), .typed(type))
            default: (column, kind) = (ResultColumn(name: name, type: .nested(typeText: typeText ?? typeName)), .nested)
            }
        default:  // STRING, CHAR, BINARY, VARIANT, INTERVAL, unknown: kept as text
            (column, kind) = (ResultColumn(name: name, type: .string), .text)
        }
    }

    /// The value of one cell from its (unescaped) UTF-8 bytes.
    static func value(utf8 bytes: UnsafeBufferPointer<UInt8>, as kind: Kind) -> SQLValue {
        switch kind {
        case .integer:
            if let number = Int64(decimalUTF8: bytes) { return .int(number) }
        case .double:
            if let number = SQLValue.parseDouble(utf8: bytes) { return .double(number) }
        case .decimal:
            if let number = SQLDecimal(utf8: bytes) { return .decimal(number) }
        case .boolean:
            if bytes.count == 4, bytes[0] == UInt8(ascii: "t"), bytes[1] == UInt8(ascii: "r"), bytes[2] == UInt8(ascii: "u"),
                bytes[3] == UInt8(ascii: "e")
            {
                return .bool(true)
            }
            if bytes.count == 5, bytes[0] == UInt8(ascii: "f"), bytes[1] == UInt8(ascii: "a"), bytes[2] == UInt8(ascii: "l"),
                bytes[3] == UInt8(ascii: "s"), bytes[4] == UInt8(ascii: "e")
            {
                return .bool(false)
            }
        case .date:
            if let days = CivilTime.parseDate(bytes: bytes) { return .date(days) }
        case .timestamp:
            if let micros = CivilTime.parseTimestamp(bytes: bytes) { return .timestamp(micros) }
        case .timestampNTZ:
            if let micros = CivilTime.parseTimestamp(bytes: bytes, applyingOffset: false) { return .timestampNTZ(micros) }
        case let .interval(start, end):
            if let interval = interval(String(decoding: bytes, as: UTF8.self), start, end) { return .interval(interval) }
        case .typed(let type):
            if let json = try? JSONParser.parse(bytes: Array(bytes)) {
                return SQLValue(json: json, as: type) ?? SQLValue(untypedJSON: json)
            }
        case .nested:
            if let json = try? JSONParser.parse(bytes: Array(bytes)) { return SQLValue(untypedJSON: json) }
        case .text:
            break
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// Interval text in the ANSI form or the bare one; a day-time value written with every field
    /// (`3 00:00:00.000000000` for an `INTERVAL DAY`) is read as DAY TO SECOND and kept in the column's fields.
    private static func interval(_ text: String, _ start: IntervalField, _ end: IntervalField) -> SQLInterval? {
        if let interval = try? SQLInterval.parse(text, start: start, end: end) { return interval }
        guard !start.isYearMonth, let full = try? SQLInterval.parse(text, start: .day, end: .second) else { return nil }
        return SQLInterval(amount: full.amount, start: start, end: end)
    }
}
