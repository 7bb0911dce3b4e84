import DBAPICore

/// base64, hex, md5, sha1/sha, sha2, crc32 over BINARY bytes or a string's UTF-8 bytes (Spark casts a
/// STRING to BINARY for them).
enum StringEncoding {
    static let declarations: [ScalarDeclaration] = [
        bytes(["base64"], returns: .string) { .string(Base64Text.encode($0)) },
        bytes(["md5"], returns: .string) { .string(MessagePadding.hex(MD5.digest($0))) },
        bytes(["sha1", "sha"], returns: .string) { .string(MessagePadding.hex(SHA1.digest($0))) },
        bytes(["crc32"], returns: .bigint) { .int(Int64(CRC32.checksum($0))) },
        ScalarDeclaration(names: ["sha2"], arity: 2...2) { call throws(EngineError) in
            let text = try bytesArgument(call)
            let bits = try call.argument(1, as: .int)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .binary(let value) = try text(row, context), case .int(let length) = try bits(row, context) else {
                    return .null
                }
                guard let digest = SHA2.digest(value, bits: length == 0 ? 256 : Int(length)) else { return .null }
                return .string(MessagePadding.hex(digest))
            }
        },
        ScalarDeclaration(names: ["hex"], arity: 1...1) { call throws(EngineError) in
            let type = call.type(0)
            if type.isNumeric {
                let number = try call.argument(0, as: .bigint)
                return CompiledExpr(type: .string) { row, context throws(EngineError) in
                    guard case .int(let value) = try number(row, context) else { return .null }
                    return .string(String(UInt64(bitPattern: value), radix: 16, uppercase: true))
                }
            }
            // hex takes BINARY or STRING, so anything castable to STRING is read as its UTF-8 bytes.
            let bytes = type == .binary ? call.arguments[0].evaluate : try call.argument(0, as: .string)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                switch try bytes(row, context) {
                case .binary(let value): .string(SQLValue.hexDigits(value))
                case .string(let value): .string(SQLValue.hexDigits(Array(value.utf8)))
                default: .null
                }
            }
        },
    ]

    /// `f(bytes)`: NULL in, NULL out, over BINARY bytes or the UTF-8 bytes of a STRING.
    private static func bytes(_ names: [String], returns type: SQLType, _ kernel: @escaping @Sendable ([UInt8]) -> SQLValue)
        -> ScalarDeclaration
    {
        ScalarDeclaration(names: names, arity: 1...1) { call throws(EngineError) in
            let text = try bytesArgument(call)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .binary(let value) = try text(row, context) else { return .null }
                return kernel(value)
            }
        }
    }

    /// The first argument where Spark expects BINARY, as BINARY: a BINARY, a STRING (its UTF-8 bytes) or NULL;
    /// anything else is Spark's UNEXPECTED_INPUT_TYPE.
    private static func bytesArgument(_ call: ScalarCall) throws(EngineError) -> Evaluator {
        let type = call.type(0)
        guard type == .binary || type == .string || type == .null else {
            var argument = ""
            if case .function(_, let arguments, _, _) = call.expr, let first = arguments.first { argument = first.sqlName }
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
                message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The first parameter requires the "
                    + "\"BINARY\" type, however \"\(argument)\" has the type \"\(type)\".")
        }
        return try call.argument(0, as: .binary)
    }
}
