/// A Spark SQL data type, as far as dbapi models it.
///
/// `description` is the Spark type name as Spark's SQL form and a warehouse's `type_text` write it
/// (`INT`, `DECIMAL(10,2)`, `ARRAY<STRING>`, `MAP<STRING, BIGINT>`, `STRUCT<a: INT, b: STRING>`), used in
/// query output, `describe`, and the Databricks `parameters` array.
public indirect enum SQLType: Sendable, Hashable, CustomStringConvertible {
    case null
    case boolean
    case tinyint, smallint, int, bigint
    case float, double
    case decimal(precision: Int, scale: Int)
    case string
    /// A byte string; values are `SQLValue.binary`.
    case binary
    case date
    case timestamp
    /// A local date-time without a time zone (`TIMESTAMP_NTZ`); values are `SQLValue.timestampNTZ`.
    case timestampNTZ
    /// An ANSI interval type: `INTERVAL YEAR TO MONTH`, `INTERVAL DAY`; values are `SQLValue.interval`.
    case interval(IntervalField, IntervalField)
    /// Values are `SQLValue.array`.
    case array(SQLType)
    /// Values are `SQLValue.map`: entries in order, keys unique and never NULL.
    case map(key: SQLType, value: SQLType)
    /// Values are `SQLValue.struct`, one field per declared field, in order.
    case `struct`([SQLStructField])
    /// A nested warehouse column whose `type_text` dbapi cannot model (an INTERVAL or VARIANT inside):
    /// values are decoded from their JSON form alone.
    case nested(typeText: String)

    /// The widest decimal Spark supports.
    public static let maxDecimalPrecision = 38

    public var description: String {
        switch self {
        case .null: "VOID"
        case .boolean: "BOOLEAN"
        case .tinyint: "TINYINT"
        case .smallint: "SMALLINT"
        case .int: "INT"
        case .bigint: "BIGINT"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case let .decimal(precision, scale): "DECIMAL(\(precision),\(scale))"
        case .string: "STRING"
        case .binary: "BINARY"
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .timestampNTZ: "TIMESTAMP_NTZ"
        case let .interval(start, end): "INTERVAL " + SQLInterval.qualifier(start, end)
        case .array(let element): "ARRAY<\(element)>"
        case let .map(key, value): "MAP<\(key), \(value)>"
        case .struct(let fields): "STRUCT<" + fields.map(\.description).joined(separator: ", ") + ">"
        case .nested(let typeText): typeText
        }
    }

    /// Whether this is an ARRAY, MAP or STRUCT.
    public var isNested: Bool {
        switch self {
        case .array, .map, .struct: true
        default: false
        }
    }

    /// Whether this is BINARY or a nested type holding BINARY somewhere inside.
    public var containsBinary: Bool {
        switch self {
        case .binary: true
        case .array(let element): element.containsBinary
        case let .map(key, value): key.containsBinary || value.containsBinary
        case .struct(let fields): fields.contains { $0.type.containsBinary }
        default: false
        }
    }

    public var isIntegral: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint: true
        default: false
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .tinyint, .smallint, .int, .bigint, .float, .double, .decimal: true
        default: false
        }
    }

    /// The inclusive range of an integral type, or nil for other types.
    public var integralRange: ClosedRange<Int64>? {
        switch self {
        case .tinyint: Int64(Int8.min)...Int64(Int8.max)
        case .smallint: Int64(Int16.min)...Int64(Int16.max)
        case .int: Int64(Int32.min)...Int64(Int32.max)
        case .bigint: Int64.min...Int64.max
        default: nil
        }
    }

    /// The decimal type that holds every value of an integral type exactly (Spark's rule).
    public var asDecimal: SQLType? {
        switch self {
        case .tinyint: .decimal(precision: 3, scale: 0)
        case .smallint: .decimal(precision: 5, scale: 0)
        case .int: .decimal(precision: 10, scale: 0)
        case .bigint: .decimal(precision: 20, scale: 0)
        case .decimal: self
        default: nil
        }
    }
}

/// One field of a STRUCT type: its name as written (case kept) and its type.
public struct SQLStructField: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: SQLType

    public init(_ name: String, _ type: SQLType) {
        self.name = name
        self.type = type
    }

    /// `name: TYPE`, the name back-quoted unless it is letters, digits and underscores (as Spark prints it).
    public var description: String {
        let plain =
            !name.isEmpty
            && name.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
        let isNumber = name.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        return (plain && !isNumber ? name : "`" + name.doubling("`") + "`") + ": " + type.description
    }
}
