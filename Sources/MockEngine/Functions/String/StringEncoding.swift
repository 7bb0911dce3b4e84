import DBAPICore

/// base64, hex, md5, sha1/sha, sha2, crc32 over a string's UTF-8 bytes (Spark casts a STRING to BINARY
/// for them); unbase64 and unhex return BINARY, which the mock does not have, so they are UNSUPPORTED_FEATURE.
enum StringEncoding {
    static let declarations: [ScalarDeclaration] = [
        bytes(["base64"], returns: .string) { .string(base64($0)) },
        bytes(["md5"], returns: .string) { .string(MessagePadding.hex(MD5.digest($0))) },
        bytes(["sha1", "sha"], returns: .string) { .string(MessagePadding.hex(SHA1.digest($0))) },
        bytes(["crc32"], returns: .bigint) { .int(Int64(CRC32.checksum($0))) },
        ScalarDeclaration(names: ["sha2"], arity: 2...2) { call throws(EngineError) in
            let text = try bytesArgument(call)
            let bits = try call.argument(1, as: .int)
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context), case .int(let length) = try bits(row, context) else {
                    return .null
                }
                guard let digest = SHA2.digest(Array(value.utf8), bits: length == 0 ? 256 : Int(length)) else { return .null }
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
            let text = try call.argument(0, as: .string)  // hex also takes STRING, so anything castable to it
            return CompiledExpr(type: .string) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .string(MessagePadding.hex(Array(value.utf8)).uppercased())
            }
        },
        ScalarDeclaration(names: ["unbase64", "unhex"], arity: 1...1) { call throws(EngineError) in
            throw EngineError.unsupported("\(call.name), which returns BINARY")
        },
    ]

    /// `f(bytes)`: NULL in, NULL out, over the UTF-8 bytes of a STRING.
    private static func bytes(_ names: [String], returns type: SQLType, _ kernel: @escaping @Sendable ([UInt8]) -> SQLValue)
        -> ScalarDeclaration
    {
        ScalarDeclaration(names: names, arity: 1...1) { call throws(EngineError) in
            let text = try bytesArgument(call)
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return kernel(Array(value.utf8))
            }
        }
    }

    /// The first argument where Spark expects BINARY: a STRING (its UTF-8 bytes) or NULL; anything else is
    /// Spark's UNEXPECTED_INPUT_TYPE.
    private static func bytesArgument(_ call: ScalarCall) throws(EngineError) -> Evaluator {
        let type = call.type(0)
        guard type == .string || type == .null else {
            var argument = ""
            if case .function(_, let arguments, _, _) = call.expr, let first = arguments.first { argument = first.sqlName }
            throw EngineError.classified(
                errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
                message: "Cannot resolve \"\(call.expr.sqlName)\" due to data type mismatch: The first parameter requires the "
                    + "\"BINARY\" type, however \"\(argument)\" has the type \"\(type)\".")
        }
        return try call.argument(0, as: .string)
    }

    /// MIME base64 as Spark writes it: padded, lines of 76 characters separated by CRLF.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)
        var out = String.UnicodeScalarView()
        var written = 0
        for start in stride(from: 0, to: bytes.count, by: 3) {
            if written == 76 {
                out.append(contentsOf: "\r\n".unicodeScalars)
                written = 0
            }
            let chunk = bytes[start..<min(start + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for index in 0..<4 {
                out.append(index <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(index)) & 63)] : "=")
            }
            written += 4
        }
        return String(out)
    }
}
