import DBAPICore
import SQLText

/// A declared parameter type. `identifier` is a table or column name, rendered quoted and never as
/// free text; arrays hold one scalar type.
public indirect enum ParamType: Sendable, Equatable, CustomStringConvertible {
    case string, integer, number, boolean, date, timestamp, identifier
    /// An exact decimal; without precision the value's own digits decide.
    case decimal(precision: Int?, scale: Int?)
    case array(ParamType)

    public var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .date: "date"
        case .timestamp: "timestamp"
        case .identifier: "identifier"
        case let .decimal(precision?, scale): "decimal(\(precision),\(scale ?? 0))"
        case .decimal: "decimal"
        case .array(let element): "array<\(element)>"
        }
    }

    /// The Spark type a value of this parameter is bound as.
    public func sqlType(for value: SQLValue) -> SQLType {
        switch self {
        case .string, .identifier: return .string
        case .integer: return .bigint
        case .number: return .double
        case .boolean: return .boolean
        case .date: return .date
        case .timestamp: return .timestamp
        case let .decimal(precision?, scale): return .decimal(precision: precision, scale: scale ?? 0)
        case .decimal:
            if case .decimal(let number) = value { return SparkLiteral.literalType(of: number) }
            return .decimal(precision: 38, scale: 18)
        case .array(let element):
            if case .array(let items) = value, let first = items.first(where: { !$0.isNull }) {
                return .array(element.sqlType(for: first))
            }
            return .array(element.sqlType(for: .null))
        }
    }

    /// Parses a declared type name: dbapi's own (`integer`, `decimal`) or a Spark name
    /// (`int`, `bigint`, `double`, `DECIMAL(10,2)`, `array<date>`), any case.
    public init?(name: String, items: ParamType? = nil) {
        let lower = name.trimmingSpaces().lowercased()
        switch lower {
        case "string", "str", "text": self = .string
        case "integer", "int", "bigint", "long", "smallint", "tinyint": self = .integer
        case "number", "double", "float", "real": self = .number
        case "boolean", "bool": self = .boolean
        case "date": self = .date
        case "timestamp", "datetime", "timestamp_ntz", "timestamp_ltz": self = .timestamp
        case "identifier": self = .identifier
        case "decimal", "numeric": self = .decimal(precision: nil, scale: nil)
        case "array", "list":
            guard let items, !items.isArray else { return nil }
            self = .array(items)
        default:
            if lower.hasPrefix("array<"), lower.hasSuffix(">"),
                let element = ParamType(name: String(lower.dropFirst(6).dropLast())), !element.isArray
            {
                self = .array(element)
            } else if case let .decimal(precision, scale)? = SQLType(sparkName: lower), lower.hasPrefix("dec") || lower.hasPrefix("numeric")
            {
                self = .decimal(precision: precision, scale: scale)
            } else {
                return nil
            }
        }
    }

    var isArray: Bool {
        if case .array = self { return true }
        return false
    }
}
