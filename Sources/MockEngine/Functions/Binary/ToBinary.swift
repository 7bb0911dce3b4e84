import DBAPICore

/// `to_binary(str[, fmt])` and `try_to_binary`: the bytes `str` spells in a constant format, case-insensitive:
/// `hex` (the default; an odd count of digits gets a leading 0), `utf-8`/`utf8`, or `base64`. Malformed
/// text is Spark's CONVERSION_INVALID_INPUT and an unknown format INVALID_ARG_VALUE; `try_to_binary` returns
/// NULL for both. A NULL format makes the result NULL. Errors name the call `to_binary(…)`, as Spark does.
enum ToBinary {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["to_binary"], arity: 1...2) { call throws(EngineError) in try compile(call, tolerant: false) },
        ScalarDeclaration(names: ["try_to_binary"], arity: 1...2) { call throws(EngineError) in try compile(call, tolerant: true) },
    ]

    private enum Format: String { case hex, utf8 = "utf-8", utf8Short = "utf8", base64 }

    private static func compile(_ call: ScalarCall, tolerant: Bool) throws(EngineError) -> CompiledExpr {
        guard case let .function(_, written, isDistinct, isStar) = call.expr else { throw call.mismatch("to_binary") }
        let reported = Expr.function(name: "to_binary", arguments: written, isDistinct: isDistinct, isStar: isStar)
        if call.type(0).isNested {
            throw EngineError.unexpectedInputType(reported, position: 1, required: "\"STRING\"", argument: written[0], call.type(0))
        }
        let format: Format?
        if call.count == 2 {
            guard let constant = written[1].foldedValue(call.arguments[1]) else {
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                    "Cannot resolve \"\(reported.sqlName)\" due to data type mismatch: the input `fmt` should be a foldable "
                        + "\"STRING\" expression; however, got \"\(written[1].sqlName)\".")
            }
            if constant.isNull { return CompiledExpr(constant: .null, type: .binary) }
            let text = Cast.string(constant, type: call.type(1))
            format = call.type(1) == .string ? Format(rawValue: text.lowercased()) : nil
            if format == nil, tolerant { return CompiledExpr(constant: .null, type: .binary) }
            if format == nil {
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.INVALID_ARG_VALUE",
                    "Cannot resolve \"\(reported.sqlName)\" due to data type mismatch: The fmt value must to be a case-insensitive "
                        + "\"STRING\" literal of 'hex', 'utf-8', 'utf8', or 'base64', but got '\(text)'.")
            }
        } else {
            format = .hex
        }
        let input = try call.argument(0, as: .string)
        return CompiledExpr(type: .binary) { row, context throws(EngineError) in
            guard case .string(let text) = try input(row, context) else { return .null }
            if let bytes = bytes(text, format) { return .binary(bytes) }
            if tolerant { return .null }
            throw EngineError.classified(
                errorClass: "CONVERSION_INVALID_INPUT", sqlState: "22018",
                message: "The value '\(text)' ('\(format == .base64 ? "BASE64" : "HEX")') cannot be converted to \"BINARY\" because it "
                    + "is malformed. Correct the value as per the syntax, or change its format. Use `try_to_binary` to tolerate "
                    + "malformed input and return NULL instead.")
        }
    }

    /// The bytes `text` spells in `format`, nil when it is malformed.
    private static func bytes(_ text: String, _ format: Format?) -> [UInt8]? {
        switch format {
        case .hex?: Parser.hexBytes(text)
        case .utf8?, .utf8Short?: Array(text.utf8)
        case .base64?: isValidBase64(text) ? try? Base64Text.decode(text).get() : nil
        case nil: nil
        }
    }

    /// Spark's check before it decodes: base64 digits and whitespace, then at most two `=` (only after two or
    /// three digits of a unit) that complete the last unit, and no unit of a single digit.
    private static func isValidBase64(_ text: String) -> Bool {
        var (digits, padding) = (0, 0)
        for scalar in text.unicodeScalars {
            if scalar.isASCII, Base64Strict.digit(UInt8(scalar.value)) != nil {
                guard padding == 0 else { return false }
                digits += 1
            } else if scalar == "=" {
                padding += 1
                guard padding <= 2, digits % 4 >= 2 else { return false }
            } else if isJavaWhitespace(scalar) {
                guard padding == 0 else { return false }
            } else {
                return false
            }
        }
        return padding > 0 ? (digits + padding) % 4 == 0 : digits % 4 != 1
    }

    /// Java's `Character.isWhitespace`: ASCII tab to carriage return, the four separators U+001C…U+001F, and
    /// Unicode space, line and paragraph separators other than the non-breaking ones.
    private static func isJavaWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x1F: return true
        case 0x00A0, 0x2007, 0x202F: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
