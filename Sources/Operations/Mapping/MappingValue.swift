import DBAPICore

/// A value inside a response-mapping expression: the Python data model, cut down to what JSON
/// results need. Decimals stay exact; dates and timestamps keep their SQL meaning.
indirect enum MappingValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case decimal(SQLDecimal)
    case string(String)
    case date(Int32)
    case timestamp(Int64)
    case list([MappingValue])
    case dict(MappingDict)

    /// Python's type name, for error messages.
    var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .decimal: "Decimal"
        case .string: "str"
        case .date: "date"
        case .timestamp: "datetime"
        case .list: "list"
        case .dict: "dict"
        }
    }

    /// Python truthiness.
    var isTruthy: Bool {
        switch self {
        case .none: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .float(let number): number != 0
        case .decimal(let number): number.unscaled != 0
        case .string(let text): !text.isEmpty
        case .date, .timestamp: true
        case .list(let items): !items.isEmpty
        case .dict(let dict): !dict.isEmpty
        }
    }

    /// The value of a result cell.
    init(_ value: SQLValue) {
        switch value {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .double(let number): self = .float(number)
        case .decimal(let number): self = .decimal(number)
        case .string(let text): self = .string(text)
        case .date(let days): self = .date(days)
        case .timestamp(let micros): self = .timestamp(micros)
        // The mapping language has no zone-less timestamp: it sees the text the envelope would hold.
        case .timestampNTZ(let micros): self = .string(CivilTime.formatTimestamp(micros, zone: ""))
        case .interval(let interval): self = .string(interval.description)
        case .binary: self = .string(value.description)
        case .array(let items): self = .list(items.map(MappingValue.init))
        case .map(let entries):  // keyed as the envelope writes the map: by each key's JSON text
            var dict = MappingDict()
            for entry in entries { dict[.string(entry.key.jsonKey)] = MappingValue(entry.value) }
            self = .dict(dict)
        case .struct(let fields):
            var dict = MappingDict()
            for field in fields { dict[.string(field.name)] = MappingValue(field.value) }
            self = .dict(dict)
        }
    }

    /// The value of a JSON parameter or literal.
    init(json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .number(let text): self = SQLDecimal(string: text).map { .decimal($0) } ?? .float(Double(text) ?? .nan)
        case .double(let number): self = .float(number)
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map { MappingValue(json: $0) })
        case .object(let object):
            var dict = MappingDict()
            for (key, value) in object.members { dict[.string(key)] = MappingValue(json: value) }
            self = .dict(dict)
        }
    }

    /// The JSON form of the value for the envelope (dates `YYYY-MM-DD`, timestamps UTC with `Z`).
    var json: JSONValue {
        switch self {
        case .none: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .float(let number): .double(number)
        case .decimal(let number): .number(number.description)
        case .string(let text): .string(text)
        case .date(let days): .string(CivilTime.formatDate(days))
        case .timestamp(let micros): .string(CivilTime.formatTimestamp(micros))
        case .list(let items): .array(items.map(\.json))
        case .dict(let dict): .object(JSONObject(dict.entries.map { (Self.keyText($0.key), $0.value.json) }))
        }
    }

    /// Python's `str()` of a value used as a JSON key (lists and dicts, which cannot be keys, go
    /// through `MappingText` without limits).
    static func keyText(_ value: MappingValue) -> String {
        switch value {
        case .string(let text): text
        case .none: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .int(let number): String(number)
        case .float(let number): "\(number)"
        case .decimal(let number): number.description
        case .date(let days): CivilTime.formatDate(days)
        case .timestamp(let micros): CivilTime.formatTimestamp(micros, separator: " ", zone: "")
        case .list, .dict:
            {
                var unlimited = MappingBudget(.unlimited)
                return (try? MappingText.str(value, budget: &unlimited)) ?? ""
            }()
        }
    }

    static func repr(_ value: MappingValue) -> String {
        if case .string(let text) = value { return "'" + text + "'" }
        return keyText(value)
    }
}

/// An insertion-ordered dictionary, as Python's `dict`.
struct MappingDict: Sendable, Equatable {
    private(set) var entries: [(key: MappingValue, value: MappingValue)] = []
    private var index: [MappingValue: Int] = [:]

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    subscript(key: MappingValue) -> MappingValue? {
        get { index[key].map { entries[$0].value } }
        set {
            guard let newValue else { return }
            if let position = index[key] {
                entries[position].value = newValue
            } else {
                index[key] = entries.count
                entries.append((key, newValue))
            }
        }
    }

    static func == (lhs: MappingDict, rhs: MappingDict) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension MappingValue: Hashable {
    func hash(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .bool(let flag): hasher.combine(flag ? 1 : 0)  // True == 1 in Python
        case .int(let number): hasher.combine(number)
        case .float(let number): if let exact = Int64(exactly: number) { hasher.combine(exact) } else { hasher.combine(number) }
        case .decimal(let number):
            if number.normalized.scale == 0, let exact = Int64(exactly: number.normalized.unscaled) {
                hasher.combine(exact)
            } else {
                hasher.combine(number)
            }
        case .string(let text): hasher.combine(text)
        case .date(let days): hasher.combine(days)
        case .timestamp(let micros): hasher.combine(micros)
        case .list(let items): hasher.combine(items)
        case .dict(let dict): hasher.combine(dict.count)
        }
    }

    static func == (lhs: MappingValue, rhs: MappingValue) -> Bool {
        MappingOperators.equals(lhs, rhs)
    }
}
