import DBAPICore

/// Renders values as Spark SQL literals that the Spark lexer reads back exactly.
///
/// Strings are walked per Unicode scalar: `\` becomes `\\`, `'` becomes `\'`, and a `{` right after
/// `$` becomes `\{` (Spark substitutes `${…}` even inside literals). Quotes are never doubled:
/// Spark joins adjacent literals, so `'it''s'` reads as `its`. Negative numbers are parenthesised
/// so `1-:x` with x = -5 cannot become the comment `1--5`.
public enum SparkLiteral {
    /// A single-quoted string literal.
    public static func string(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("'")
        var previousWasDollar = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "'": out.append(contentsOf: "\\'".unicodeScalars)
            case "{" where previousWasDollar: out.append(contentsOf: "\\{".unicodeScalars)
            default: out.append(scalar)
            }
            previousWasDollar = scalar == "$"
        }
        out.append("'")
        return String(out)
    }

    /// A back-quoted identifier; each dotted part is quoted separately with inner back-quotes doubled.
    public static func identifier(_ parts: [String]) -> String {
        parts.map { "`" + $0.doubling("`") + "`" }.joined(separator: ".")
    }

    /// The literal for `value` of declared type `type`.
    ///
    /// - Parameter inList: render an array as `(a, b)` for `IN :ids` rather than `array(a, b)`.
    /// - Throws: `LiteralError.emptyInList` for an empty array after `IN`.
    public static func render(_ value: SQLValue, type: SQLType, inList: Bool = false) throws(LiteralError) -> String {
        switch value {
        case .null: return type == .null ? "NULL" : "CAST(NULL AS \(type))"
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .int(let number): return integer(number, type: type)
        case .double(let number): return double(number, suffix: type == .float ? "F" : "D")
        case .decimal(let number):
            let text = number.description + "BD"
            let literal = number.unscaled < 0 ? "(" + text + ")" : text
            // A BD literal's type comes from its digits; a declared DECIMAL(p,s) is kept with a cast.
            guard case .decimal = type, type != literalType(of: number) else { return literal }
            return "CAST(\(literal) AS \(type))"
        case .string(let text): return string(text)
        case .binary(let bytes): return "X'" + SQLValue.hexDigits(bytes) + "'"
        case .date(let days): return "DATE '" + CivilTime.formatDate(days) + "'"
        case .timestamp(let micros): return "TIMESTAMP '" + CivilTime.formatTimestamp(micros, separator: " ", zone: "Z") + "'"
        case .timestampNTZ(let micros): return "TIMESTAMP_NTZ '" + CivilTime.formatTimestamp(micros, separator: " ", zone: "") + "'"
        case .interval(let interval): return interval.description
        case .struct(let fields):
            var fieldTypes: [SQLType] = []
            if case .struct(let declared) = type, declared.count == fields.count { fieldTypes = declared.map(\.type) }
            var rendered: [String] = []
            for (position, field) in fields.enumerated() {
                rendered += [string(field.name), try render(field.value, type: fieldTypes.isEmpty ? .string : fieldTypes[position])]
            }
            return "named_struct(" + rendered.joined(separator: ", ") + ")"
        case .map(let entries):
            var (keyType, valueType) = (SQLType.string, SQLType.string)
            if case let .map(key, value) = type { (keyType, valueType) = (key, value) }
            var rendered: [String] = []
            for entry in entries { rendered += [try render(entry.key, type: keyType), try render(entry.value, type: valueType)] }
            if rendered.isEmpty, case .map = type { return "CAST(map() AS \(type))" }
            return "map(" + rendered.joined(separator: ", ") + ")"
        case .array(let items):
            var elementType = SQLType.string
            if case .array(let element) = type { elementType = element }
            var rendered: [String] = []
            rendered.reserveCapacity(items.count)
            for item in items { rendered.append(try render(item, type: elementType)) }
            if inList {
                guard !rendered.isEmpty else { throw .emptyInList }
                return "(" + rendered.joined(separator: ", ") + ")"
            }
            if rendered.isEmpty { return "CAST(array() AS \(type))" }
            return "array(" + rendered.joined(separator: ", ") + ")"
        }
    }

    private static func integer(_ number: Int64, type: SQLType) -> String {
        if number == Int64.min { return "(-9223372036854775807L - 1L)" }
        let suffix: String
        switch type {
        case .tinyint: suffix = "Y"
        case .smallint: suffix = "S"
        case .bigint: suffix = "L"
        default: suffix = Int32(exactly: number) == nil ? "L" : ""
        }
        let text = String(number.magnitude) + suffix
        return number < 0 ? "(-" + text + ")" : text
    }

    /// The type Spark gives the literal `<digits>BD`: DECIMAL(max(digits, scale, 1), scale).
    public static func literalType(of number: SQLDecimal) -> SQLType {
        .decimal(precision: max(number.digitCount, number.scale, 1), scale: number.scale)
    }

    private static func double(_ number: Double, suffix: String) -> String {
        let type = suffix == "F" ? "FLOAT" : "DOUBLE"
        if number.isNaN { return "CAST('NaN' AS \(type))" }
        if number.isInfinite { return number < 0 ? "CAST('-Infinity' AS \(type))" : "CAST('Infinity' AS \(type))" }
        let text = "\(number.magnitude)" + suffix
        return number.sign == .minus ? "(-" + text + ")" : text
    }
}

/// Errors from rendering a literal.
public enum LiteralError: Error, Equatable, CustomStringConvertible {
    case emptyInList

    public var description: String {
        switch self {
        case .emptyInList: "an empty list cannot be used with IN: Spark rejects IN ()"
        }
    }
}
