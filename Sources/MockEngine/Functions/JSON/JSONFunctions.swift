import DBAPICore

/// `get_json_object(json, path)`, `to_json(array)`, and the engine's form of Databricks' `json:path`
/// extraction (the parser turns `raw:a.b[0]` into a call of `:`, a name no user can write).
enum JSONFunctions {
    /// The function name the parser gives the `:` path operator.
    static let pathOperator = ":"

    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["get_json_object"], arity: 2...2) { call throws(EngineError) in
            let (json, path) = (try call.argument(0, exactly: .string), try call.argument(1, exactly: .string))
            let constantPath: JSONPath?? = call.constant(1).map { value in value.isNull ? nil : JSONPath(value.text) }
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let text) = try json(row, context) else { return .null }
                let compiled: JSONPath?
                if let constantPath {
                    compiled = constantPath
                } else {
                    guard case .string(let pathText) = try path(row, context) else { return .null }
                    compiled = JSONPath(pathText)
                }
                guard let compiled, let node = JSONNode.parse(text) else { return .null }
                return compiled.extract(from: node).map { .string($0) } ?? .null
            }
        },
        ScalarDeclaration(names: ["to_json"], arity: 1...2) { call throws(EngineError) in
            let type = call.type(0)
            switch type {
            case .array, .map, .struct: break
            case .nested: throw EngineError.unsupported("to_json of \(type)")
            default:
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
                    "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: Input schema \"\(type)\" must be a struct, "
                        + "an array, a map or a variant.")
            }
            guard call.count == 1 else { throw EngineError.unsupported("to_json with options") }
            try JSONEncoding.requireSupported(type)
            let operand = call.arguments[0].evaluate
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                let value = try operand(row, context)
                if value.isNull { return .null }
                var out = ""
                JSONEncoding.write(value, type, to: &out)
                return .string(out)
            }
        },
        ScalarDeclaration(
            names: [pathOperator], arity: 2...2,
            printer: { _, arguments in
                DatabricksJSONPath.columnName(arguments[1])
            }
        ) { call throws(EngineError) in
            guard case .string(let text)? = call.constant(1), let path = DatabricksJSONPath(text) else {
                throw call.mismatch("invalid JSON path")
            }
            // Databricks extracts from a JSON string (or a VARIANT, which the mock lacks); Spark refuses the rest.
            guard let operand = call.arguments.first?.type, operand == .string || operand == .null else {
                throw EngineError.analysis(
                    "COLUMN_IS_NOT_VARIANT_TYPE",
                    "The semi-structured extraction operator (`:`) can only be applied to a column of the VARIANT type.")
            }
            let json = try call.argument(0, as: .string)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let document) = try json(row, context), let node = JSONNode.parse(document) else { return .null }
                return path.extract(from: node).map { .string($0) } ?? .null
            }
        },
    ]
}

/// Values written as `to_json` writes them (Jackson with Spark's default options): dates `yyyy-MM-dd`,
/// timestamps `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session time zone (UTC), NaN and infinities quoted; a
/// STRUCT as an object without its NULL fields, a MAP as an object keyed by each key's text (NULL values kept).
enum JSONEncoding {
    static func requireSupported(_ type: SQLType) throws(EngineError) {
        switch type {
        case .array(let element): try requireSupported(element)
        case .struct(let fields): for field in fields { try requireSupported(field.type) }
        case let .map(key, value) where !key.isNested:
            try requireSupported(key)
            try requireSupported(value)
        case .nested, .timestampNTZ, .map, .interval, .binary: throw EngineError.unsupported("to_json of \(type)")
        default: break
        }
    }

    static func write(_ value: SQLValue, _ type: SQLType, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            let text = type == .float ? Cast.string(value, type: .float) : SQLValue.sparkDouble(number)
            out += number.isFinite ? text : "\"" + text + "\""
        case .decimal(let number): out += number.description
        case .string(let text): JSONNode.writeString(text, to: &out)
        case .date(let days): out += "\"" + CivilTime.formatDate(days) + "\""
        case .timestamp(let micros):
            let (seconds, fraction) = CivilTime.floorDivide(micros, 1_000_000)
            let millis = String(fraction / 1000)
            out += "\"" + CivilTime.formatTimestamp(seconds * 1_000_000, zone: "")
            out += "." + String(repeating: "0", count: 3 - millis.count) + millis + "Z\""
        case .array(let items):
            let element: SQLType
            if case .array(let inner) = type { element = inner } else { element = .string }
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                write(item, element, to: &out)
            }
            out += "]"
        case .struct(let fields):
            let types: [SQLStructField]
            if case .struct(let declared) = type { types = declared } else { types = [] }
            out += "{"
            var first = true
            for (position, field) in fields.enumerated() where !field.value.isNull {
                out += first ? "" : ","
                first = false
                JSONNode.writeString(field.name, to: &out)
                out += ":"
                write(field.value, position < types.count ? types[position].type : .string, to: &out)
            }
            out += "}"
        case .map(let entries):
            var (keyType, valueType) = (SQLType.string, SQLType.string)
            if case let .map(key, value) = type { (keyType, valueType) = (key, value) }
            out += "{"
            for (position, entry) in entries.enumerated() {
                if position > 0 { out += "," }
                JSONNode.writeString(Cast.string(entry.key, type: keyType), to: &out)
                out += ":"
                write(entry.value, valueType, to: &out)
            }
            out += "}"
        case .timestampNTZ, .interval, .binary: out += "null"  // refused by requireSupported
        }
    }
}
