import DBAPICore

/// `to_char(x, format)` and `to_varchar`: a DATE or TIMESTAMP in a datetime pattern (as `date_format`, which
/// Spark names it), BINARY as 'base64', 'hex' or 'utf-8' text, a number in a `to_number` format.
enum ToChar {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["to_char", "to_varchar"], arity: 2...2) { call throws(EngineError) in
            if call.type(1) == .null {
                guard call.type(0) == .binary else { return CompiledExpr(constant: .null, type: .string) }
                throw EngineError.classified(
                    errorClass: "NON_FOLDABLE_ARGUMENT", sqlState: "42K08",
                    message: "The function `\(call.name)` requires the parameter `format` to be a foldable expression of the type "
                        + "\"VOID\", but the actual argument is a non-foldable.")
            }
            switch call.type(0) {
            case .date, .timestamp, .timestampNTZ:
                guard let dateFormat = ScalarRegistry.declaration("date_format") else { throw EngineError.unsupported(call.name) }
                return try dateFormat.resolve(call)
            case .binary: return try binary(call)
            default: return try number(call)
            }
        }
    ]

    /// The call Spark names a `to_char(x, format)` call by, given `x`'s type: a DATE or TIMESTAMP is
    /// `date_format(x, format)`; BINARY is `base64(x)`, `hex(x)` or `decode(x, format)` for to_char, and
    /// `to_varchar(x)` (`to_varchar(x, format)` for utf-8) for to_varchar; a number is always `to_char`.
    static func namingForm(_ name: String, _ arguments: [Expr], _ type: SQLType) -> Expr {
        func call(_ name: String, _ arguments: [Expr]) -> Expr {
            .function(name: name, arguments: arguments, isDistinct: false, isStar: false)
        }
        guard arguments.count == 2 else { return call(name, arguments) }
        switch type {
        case .date, .timestamp, .timestampNTZ: return call("date_format", arguments)
        case .binary:
            guard case .literal(.string(let text), _) = arguments[1] else { return call(name, arguments) }
            switch text.lowercased() {
            case "utf-8": return call(name == "to_char" ? "decode" : name, arguments)
            case let format where format == "base64" || format == "hex": return call(name == "to_char" ? format : name, [arguments[0]])
            default: return call(name, arguments)
            }
        default: return call("to_char", arguments)
        }
    }

    /// The constant format argument, or UNSUPPORTED_FEATURE (Spark requires a foldable format too).
    private static func format(_ call: ScalarCall) throws(EngineError) -> String {
        guard call.type(1) == .string, case .string(let text)? = call.constant(1) else {
            throw EngineError.unsupported("\(call.name) with a format that is not a constant string")
        }
        return text
    }

    private static func binary(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let name = try format(call).lowercased()
        let render: @Sendable ([UInt8]) throws(EngineError) -> String
        switch name {
        case "base64": render = { Base64Text.encode($0) }
        case "hex": render = { SQLValue.hexDigits($0) }
        case "utf-8": render = { bytes throws(EngineError) in try BinaryCharset.utf8.decode(bytes, charsetName: name) }
        default:
            throw EngineError.classified(
                errorClass: "INVALID_PARAMETER_VALUE.BINARY_FORMAT", sqlState: "22023",
                message: "The value of parameter(s) `format` in `\(call.name)` is invalid: expects one of binary formats 'base64', "
                    + "'hex', 'utf-8', but got '\(name)'.")
        }
        let bytes = call.arguments[0].evaluate
        return CompiledExpr(type: .string) { row, context throws(EngineError) in
            guard case .binary(let value) = try bytes(row, context) else { return .null }
            return .string(try render(value))
        }
    }

    /// A number (or text, read as DECIMAL(38,18)) cast to the DECIMAL Spark casts it to, then formatted.
    private static func number(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let source = call.type(0)
        let decimal: SQLType
        switch source {
        case .decimal, .null: decimal = source == .null ? .decimal(precision: 10, scale: 0) : source
        case .float: decimal = .decimal(precision: 14, scale: 7)
        case .double: decimal = .decimal(precision: 30, scale: 15)
        case .string: decimal = .decimal(precision: 38, scale: 18)
        default:
            guard let integral = source.asDecimal else {
                throw EngineError.classified(
                    errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
                    message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The first parameter requires the "
                        + "\"DECIMAL\" type, however \"\(argumentName(call))\" has the type \"\(source)\".")
            }
            decimal = integral
        }
        let numberFormat = try NumberFormat(try format(call))
        let value = try call.argument(0, as: decimal)
        return CompiledExpr(type: .string) { row, context throws(EngineError) in
            guard case .decimal(let number) = try value(row, context) else { return .null }
            return .string(numberFormat.format(number))
        }
    }

    private static func argumentName(_ call: ScalarCall) -> String {
        guard case .function(_, let arguments, _, _) = call.expr, let first = arguments.first else { return "" }
        return first.sqlName
    }
}
