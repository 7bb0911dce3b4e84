import DBAPICore

/// Converts parsed JSON to a value of a Spark type as `from_json`'s Jackson parser does (Spark 4, partial
/// results on): a JSON null is NULL for any type; a value of the wrong kind fails. A failing STRUCT field is
/// NULL and the other fields are kept; a failing ARRAY element or MAP value fails the whole collection. Every
/// failure marks the record as corrupt (`failed`).
struct JSONConversion {
    /// Whether some value did not fit its type.
    private(set) var failed = false

    /// The value of a whole document: a STRUCT of a non-object is all NULLs, an ARRAY of STRUCTs of an object
    /// is that one element, and a collection that fails is NULL.
    mutating func document(_ node: JSONNode, _ type: SQLType) -> SQLValue {
        switch (type, node) {
        case (.struct, .object):
            return convert(node, type) ?? .null
        case (.struct(let fields), _):
            failed = true
            return .struct(fields.map { SQLField($0.name, .null) })
        case (.array(.struct), .object):
            return convert(node, type.arrayElement).map { .array([$0]) } ?? .null
        default:
            guard let value = convert(node, type) else { return .null }
            if value.isNull { failed = true }
            return value
        }
    }

    /// `node` as a value of `type`, or nil when it does not fit.
    mutating func convert(_ node: JSONNode, _ type: SQLType) -> SQLValue? {
        if case .null = node { return .null }
        let value: SQLValue?
        switch (type, node) {
        case (.struct(let fields), .object(let members)):
            var values = [SQLValue](repeating: .null, count: fields.count)
            for member in members {
                guard let index = fields.firstIndex(where: { $0.name == member.key }) else { continue }
                values[index] = convert(member.value, fields[index].type) ?? .null
            }
            value = .struct(zip(fields, values).map { SQLField($0.name, $1) })
        case (.array(let element), .array(let items)):
            var out: [SQLValue] = []
            out.reserveCapacity(items.count)
            for item in items {
                guard let converted = convert(item, element) else { return nil }
                out.append(converted)
            }
            value = .array(out)
        case (.map(_, let valueType), .object(let members)):
            var entries: [SQLMapEntry] = []
            for member in members {
                guard let converted = convert(member.value, valueType) else { return nil }
                if let index = entries.firstIndex(where: { $0.key == .string(member.key) }) {
                    entries[index].value = converted  // a repeated key: the last value wins
                } else {
                    entries.append(SQLMapEntry(.string(member.key), converted))
                }
            }
            value = .map(entries)
        case (.string, .string(let text)): value = .string(text)
        case (.string, _): value = .string(node.json)
        case (.boolean, .bool(let flag)): value = .bool(flag)
        case (_, .number(let text)) where type.isIntegral:
            value = Int64(text).flatMap { type.integralRange?.contains($0) == true ? .int($0) : nil }
        case (.double, .number(let text)), (.float, .number(let text)): value = Self.floating(Double(text), type)
        case (.double, .string(let text)), (.float, .string(let text)): value = Self.floating(Self.specialDouble(text), type)
        case (.decimal(let precision, let scale), .number(let text)) where !JSONNode.isNonNumeric(text),
            (.decimal(let precision, let scale), .string(let text)):
            value = SQLDecimal(string: text)?.fitted(precision: precision, scale: scale).map { .decimal($0) }
        case (.date, .string(let text)): value = CivilTime.parseSparkDate(text).map { .date($0) }
        case (.timestamp, .string(let text)): value = CivilTime.parseSparkTimestamp(text).map { .timestamp($0) }
        case (.timestamp, .number(let text)):
            let (micros, overflow) = (Int64(text) ?? .max).multipliedReportingOverflow(by: 1_000_000)
            value = overflow ? nil : .timestamp(micros)
        default: value = nil
        }
        if value == nil { failed = true }
        return value
    }

    /// Whether `from_json` can read values of `type` exactly as Spark does.
    static func isSupported(_ type: SQLType) -> Bool {
        switch type {
        case .array(let element): isSupported(element)
        case let .map(key, value): isSupported(key) && isSupported(value)
        case .struct(let fields): fields.allSatisfy { isSupported($0.type) }
        case .timestampNTZ, .interval, .nested, .null: false
        default: true
        }
    }

    private static func floating(_ number: Double?, _ type: SQLType) -> SQLValue? {
        guard let number else { return nil }
        return .double(type == .float ? Double(Float(number)) : number)
    }

    /// The strings Spark reads as a DOUBLE or FLOAT: NaN and the infinities, nothing else.
    private static func specialDouble(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity", "+Infinity", "+INF": .infinity
        case "-Infinity", "-INF": -.infinity
        default: nil
        }
    }
}

extension SQLType {
    /// The element type of an ARRAY (STRING for any other type).
    fileprivate var arrayElement: SQLType {
        if case .array(let element) = self { return element }
        return .string
    }
}
