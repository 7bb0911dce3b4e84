import DBAPICore

/// Turns the strings of a JSON_ARRAY result into typed values, per column, from `type_name`
/// (and `type_text` for nested and decimal types). Every non-null value arrives as a string.
struct ColumnDecoder: Sendable {
    let column: ResultColumn
    private let decode: @Sendable (String) -> SQLValue

    init(name: String, typeName: String, typeText: String?, precision: Int?, scale: Int?) {
        let text = (typeText ?? typeName).uppercased()
        switch typeName.uppercased() {
        case "BYTE", "SHORT", "INT", "LONG", "INTEGER", "BIGINT", "TINYINT", "SMALLINT":
            let type: SQLType =
                ["BYTE": .tinyint, "TINYINT": .tinyint, "SHORT": .smallint, "SMALLINT": .smallint, "INT": .int, "INTEGER": .int][
                    typeName.uppercased()] ?? .bigint
            column = ResultColumn(name: name, type: type)
            decode = { Int64($0).map { .int($0) } ?? .string($0) }
        case "FLOAT", "DOUBLE":
            column = ResultColumn(name: name, type: typeName.uppercased() == "FLOAT" ? .float : .double)
            decode = { SQLValue.parseDouble($0).map { .double($0) } ?? .string($0) }
        case "DECIMAL":
            let type = SQLType(sparkName: text) ?? .decimal(precision: precision ?? 38, scale: scale ?? 0)
            column = ResultColumn(name: name, type: type)
            decode = { SQLDecimal(string: $0).map { .decimal($0) } ?? .string($0) }
        case "BOOLEAN":
            column = ResultColumn(name: name, type: .boolean)
            decode = { $0 == "true" ? .bool(true) : ($0 == "false" ? .bool(false) : .string($0)) }
        case "DATE":
            column = ResultColumn(name: name, type: .date)
            decode = { CivilTime.parseDate($0).map { .date($0) } ?? .string($0) }
        case "TIMESTAMP", "TIMESTAMP_NTZ":
            column = ResultColumn(name: name, type: .timestamp)
            decode = { CivilTime.parseTimestamp($0).map { .timestamp($0) } ?? .string($0) }
        case "ARRAY":
            let element = SQLType(sparkName: text).flatMap { if case .array(let inner) = $0 { inner } else { nil } }
            column = ResultColumn(name: name, type: element.map { .array($0) } ?? .string)
            decode = { raw in
                guard let element, case .array(let items)? = try? JSONParser.parse(raw) else { return .string(raw) }
                return .array(items.map { Self.value(of: $0, as: element) })
            }
        default:  // STRING, CHAR, BINARY, MAP, STRUCT, VARIANT, INTERVAL, unknown: kept as text
            column = ResultColumn(name: name, type: .string)
            decode = { .string($0) }
        }
    }

    func value(_ raw: String?) -> SQLValue {
        guard let raw else { return .null }
        return decode(raw)
    }

    /// An element of a nested ARRAY, whose JSON leaves may be numbers or strings.
    static func value(of json: JSONValue, as type: SQLType) -> SQLValue {
        switch json {
        case .null: return .null
        case .string(let text): return SQLValue.parse(text, as: type) ?? .string(text)
        case .int(let number): return type == .string ? .string(String(number)) : SQLValue.parse(String(number), as: type) ?? .int(number)
        case .number(let text): return SQLValue.parse(text, as: type) ?? .string(text)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        default: return .string(JSONWriter().string(json))
        }
    }
}
