/// A JSON document that keeps object key order and exact numbers.
///
/// Foundation's `JSONSerialization` loses key order (which decides the order of mapped output
/// fields) and rounds integers beyond 2^53, so dbapi parses and writes JSON itself.
///
///     let value = try JSONParser.parse(#"{"b": 1, "a": 12345678901234567890}"#)
///     value.object?.keys == ["b", "a"]         // order kept
///     value["a"] == .number("12345678901234567890")  // exact
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A number kept as its JSON text (non-integers and integers beyond Int64).
    case number(String)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The name of this value's JSON kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .number, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON object: members in document order, with the line each key started on.
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [String: JSONValue] = [:]
    private var keyLines: [String: Int] = [:]

    public init() {}

    /// Creates an object from ordered pairs; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public subscript(key: String) -> JSONValue? {
        get { values[key] }
        set {
            if values[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            values[key] = newValue
        }
    }

    /// The members in document order.
    public var members: [(key: String, value: JSONValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }

    public var isEmpty: Bool { keys.isEmpty }

    /// The 1-based line where `key` appeared in the parsed text, if known.
    public func line(of key: String) -> Int? { keyLines[key] }

    mutating func setLine(_ line: Int, for key: String) { keyLines[key] = line }

    /// Objects are equal when they have the same members in the same order; lines do not count.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}
