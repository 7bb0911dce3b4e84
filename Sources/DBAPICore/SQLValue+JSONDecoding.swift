/// Reading values from their JSON form: nested cells of mock data (JSONL arrays and objects, CSV
/// cells holding JSON) and of a warehouse's JSON_ARRAY results, one set of rules for both, the inverse
/// of `appendJSON` in the envelope writers.
extension SQLValue {
    /// The value of `json` as `type`, exactly; nil when it does not fit.
    ///
    /// Leaves may be JSON numbers, booleans or strings (a string is read as Spark casts it, so dates and
    /// timestamps arrive as text); an ARRAY is a JSON array; a STRUCT is an object whose keys are its
    /// field names (any case; a missing field is NULL, an undeclared key is refused); a MAP is an object
    /// whose keys are the keys' text. A STRING column takes any JSON value, nested ones as JSON text.
    public init?(json: JSONValue, as type: SQLType) {
        guard let value = Self.decode(json, as: type) else { return nil }
        self = value
    }

    /// The value of `json` without a type (a `.nested` warehouse column): objects become STRUCTs
    /// keeping their key order, integers BIGINT, other numbers DECIMAL when they fit, else DOUBLE.
    public init(untypedJSON json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .number(let text): self = SQLDecimal(string: text).map { .decimal($0) } ?? .double(Double(text) ?? .nan)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(SQLValue.init(untypedJSON:)))
        case .object(let object): self = .struct(object.members.map { SQLField($0.key, SQLValue(untypedJSON: $0.value)) })
        }
    }

    private static func decode(_ json: JSONValue, as type: SQLType) -> SQLValue? {
        if case .nested = type { return SQLValue(untypedJSON: json) }
        switch json {
        case .null: return .null
        case .string(let text): return parse(text, as: type)
        case .bool(let flag):
            switch type {
            case .boolean: return .bool(flag)
            case .string: return .string(flag ? "true" : "false")
            default: return nil
            }
        case .int(let number): return type == .string ? .string(String(number)) : parse(String(number), as: type)
        case .number(let text): return type == .string ? .string(text) : parse(text, as: type)
        case .double(let number): return type == .double || type == .float ? .double(number) : parse("\(number)", as: type)
        case .array(let items):
            guard case .array(let element) = type else { return type == .string ? .string(JSONWriter().string(json)) : nil }
            var values: [SQLValue] = []
            values.reserveCapacity(items.count)
            for item in items {
                guard let value = decode(item, as: element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object(let object):
            switch type {
            case .struct(let fields): return decodeStruct(object, fields)
            case let .map(keyType, valueType): return decodeMap(object, keyType, valueType)
            case .string: return .string(JSONWriter().string(json))
            default: return nil
            }
        }
    }

    private static func decodeStruct(_ object: JSONObject, _ fields: [SQLStructField]) -> SQLValue? {
        var byName: [String: JSONValue] = [:]
        for (key, value) in object.members {
            guard byName.updateValue(value, forKey: key.lowercased()) == nil else { return nil }
        }
        var values: [SQLField] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            guard let value = decode(byName.removeValue(forKey: field.name.lowercased()) ?? .null, as: field.type) else { return nil }
            values.append(SQLField(field.name, value))
        }
        return byName.isEmpty ? .struct(values) : nil
    }

    private static func decodeMap(_ object: JSONObject, _ keyType: SQLType, _ valueType: SQLType) -> SQLValue? {
        var entries: [SQLMapEntry] = []
        entries.reserveCapacity(object.members.count)
        for (keyText, json) in object.members {
            let key: SQLValue?
            switch keyType {
            case .array, .map, .struct: key = (try? JSONParser.parse(keyText)).flatMap { decode($0, as: keyType) }
            default: key = parse(keyText, as: keyType)
            }
            guard let key, !key.isNull, let value = decode(json, as: valueType) else { return nil }
            entries.append(SQLMapEntry(key, value))
        }
        return .map(entries)
    }
}
