import DBAPICore

/// `from_json(json, schema[, options])`: a DDL schema string (`'a INT, b ARRAY<STRING>'`, `'MAP<STRING, INT>'`)
/// and Spark's PERMISSIVE mode — a malformed document is a STRUCT of NULLs (an ARRAY or MAP schema: NULL), a
/// value of the wrong type is NULL, and a STRING field named `_corrupt_record` (or the `columnNameOfCorruptRecord`
/// option) receives the text of a record that did not fit. Empty or blank text is NULL.
enum FromJSON {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["from_json"], arity: 2...3, printer: printer) { call throws(EngineError) in try resolve(call) }
    ]

    /// Spark prints only the document (`from_json(j)`), and a MAP schema's call as `entries`.
    private static let printer: ScalarDeclaration.Printer = { name, arguments in
        if arguments.count > 1, case .map? = JSONSchema.parse(arguments[1]) { return "entries" }
        return "\(name)(\(arguments.first ?? ""))"
    }

    private struct Options {
        var leniency = JSONNode.Leniency.sparkReader
        var corruptColumn = "_corrupt_record"
    }

    private static func resolve(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let written = call.expr.callArguments
        guard call.type(0) == .string || call.type(0) == .null else {
            throw EngineError.unexpectedInputType(
                call.expr, position: 1, required: "\"STRING\"", argument: written.first ?? call.expr, call.type(0))
        }
        guard call.type(1) == .string, case .string(let text)? = call.constant(1) else {
            let printed = written.count > 1 ? written[1].sqlName : ""
            throw EngineError.classified(
                errorClass: "INVALID_SCHEMA.NON_STRING_LITERAL", sqlState: "42K07",
                message: "The input schema \"\(printed)\" is not a valid schema string. The input expression must be string literal "
                    + "and not null.")
        }
        guard let schema = JSONSchema.parse(text) else { throw EngineError.unsupported("from_json schema \"\(text)\"") }
        let options = try readOptions(call)
        try check(schema, call)
        var corruptIndex: Int?
        var readType = schema
        if case .struct(var fields) = schema, let index = fields.firstIndex(where: { $0.name == options.corruptColumn }) {
            guard fields[index].type == .string else {
                throw EngineError.classified(
                    errorClass: "INVALID_CORRUPT_RECORD_TYPE", sqlState: "42804",
                    message: "The column `\(options.corruptColumn)` for corrupt records must have the nullable STRING type, but got "
                        + "\"\(fields[index].type)\".")
            }
            corruptIndex = index
            fields[index].name = ""  // a document's member of that name is not read into it
            readType = .struct(fields)
        }
        let json = call.arguments[0].evaluate
        let leniency = options.leniency
        let (corrupt, documentType) = (corruptIndex, readType)
        return CompiledExpr(type: schema) { row, context throws(EngineError) in
            guard case .string(let document) = try json(row, context), !document.trimmingSpaces().isEmpty else { return .null }
            var conversion = JSONConversion()
            var value: SQLValue
            if let node = JSONNode.parse(document, leniency) {
                value = conversion.document(node, documentType)
            } else {
                value = conversion.document(.null, documentType)
            }
            if let corruptIndex = corrupt, conversion.failed, case .struct(var fields) = value {
                fields[corruptIndex] = SQLField(options.corruptColumn, .string(document))
                value = .struct(fields)
            } else if let corruptIndex = corrupt, case .struct(var fields) = value {
                fields[corruptIndex].name = options.corruptColumn
                value = .struct(fields)
            }
            return value
        }
    }

    /// Spark's checks of the schema: a STRUCT, ARRAY or MAP, MAP keys of type STRING; types the mock cannot read
    /// exactly are UNSUPPORTED_FEATURE.
    private static func check(_ schema: SQLType, _ call: ScalarCall) throws(EngineError) {
        switch schema {
        case .struct, .array, .map: break
        default:
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.INVALID_JSON_SCHEMA",
                "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: Input schema \"\(schema)\" must be a struct, "
                    + "an array, a map or a variant.")
        }
        if case .map(let key, _) = schema, key != .string {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.INVALID_JSON_MAP_KEY_TYPE",
                "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: Input schema \"\(schema)\" can only contain STRING "
                    + "as a key type for a MAP.")
        }
        guard JSONConversion.isSupported(schema), !schema.hasNonStringMapKey else {
            throw EngineError.unsupported("from_json with schema \(schema)")
        }
    }

    /// The options map: `mode` (PERMISSIVE or FAILFAST… FAILFAST is not run), `columnNameOfCorruptRecord`,
    /// `allowSingleQuotes`, `allowNonNumericNumbers`, `allowNumericLeadingZeros`; any other is UNSUPPORTED_FEATURE.
    private static func readOptions(_ call: ScalarCall) throws(EngineError) -> Options {
        var options = Options()
        guard call.count == 3, call.expr.callArguments.count == 3 else { return options }
        guard case .function("map", let written, _, _) = call.expr.callArguments[2], case .map(let keyType, let valueType) = call.type(2)
        else {
            throw EngineError.classified(
                errorClass: "INVALID_OPTIONS.NON_MAP_FUNCTION", sqlState: "42K06",
                message: "Invalid options: Must use the `map()` function for options.")
        }
        guard keyType == .string, valueType == .string else {
            throw EngineError.classified(
                errorClass: "INVALID_OPTIONS.NON_STRING_TYPE", sqlState: "42K06",
                message: "Invalid options: A type of keys and values in `map()` must be string, but got \"\(call.type(2))\".")
        }
        var entries: [(key: SQLValue, value: SQLValue)] = []
        for index in stride(from: 0, to: written.count - 1, by: 2) {
            guard case .literal(let key, _) = written[index], case .literal(let value, _) = written[index + 1] else {
                throw EngineError.unsupported("from_json options that are not literals")
            }
            entries.append((key, value))
        }
        for entry in entries {
            guard case .string(let key) = entry.key, case .string(let value) = entry.value else { continue }
            let flag = value.lowercased() == "true" ? true : value.lowercased() == "false" ? false : nil
            switch (key.lowercased(), flag) {
            case ("mode", _):
                switch value.uppercased() {
                case "FAILFAST": throw EngineError.unsupported("from_json option 'mode' FAILFAST")
                case "DROPMALFORMED":
                    throw EngineError.classified(
                        errorClass: "PARSE_MODE_UNSUPPORTED", sqlState: "42601",
                        message: "The function `from_json` doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE "
                            + "and FAILFAST.")
                default: break  // PERMISSIVE, and Spark reads an unknown mode as PERMISSIVE
                }
            case ("columnnameofcorruptrecord", _): options.corruptColumn = value
            case ("allowsinglequotes", let flag?): options.leniency.singleQuotes = flag
            case ("allownonnumericnumbers", let flag?): options.leniency.nonNumericNumbers = flag
            case ("allownumericleadingzeros", let flag?): options.leniency.leadingZeros = flag
            default: throw EngineError.unsupported("from_json option '\(key)'")
            }
        }
        return options
    }
}

extension Expr {
    /// A call's arguments as written (none for any other expression).
    var callArguments: [Expr] {
        if case .function(_, let arguments, _, _) = self { return arguments }
        return []
    }
}

extension SQLType {
    /// Whether a MAP anywhere inside has keys of a type other than STRING.
    fileprivate var hasNonStringMapKey: Bool {
        switch self {
        case .array(let element): element.hasNonStringMapKey
        case let .map(key, value): key != .string || value.hasNonStringMapKey
        case .struct(let fields): fields.contains { $0.type.hasNonStringMapKey }
        default: false
        }
    }
}
