import DBAPICore

/// unbase64, unhex and encode, which make BINARY values, and `decode(binary, charset)`, which reads them.
enum BinaryFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["unbase64"], .string, returns: .binary) { value throws(EngineError) in
            switch Base64Text.decode(value.text) {
            case .success(let bytes): return .binary(bytes)
            case .failure(let error): throw EngineError.invalidArgument(function: "unbase64", message: error.message)
            }
        },
        // Spark reads an odd count of digits with a leading 0, and anything that is not hex digits as NULL.
        .strict(["unhex"], .string, returns: .binary) { value in Parser.hexBytes(value.text).map { .binary($0) } ?? .null },
        .strict(["encode"], .string, .string, returns: .binary) { text, charset throws(EngineError) in
            .binary(try BinaryCharset.named(charset.text, "encode").encode(text.text, charsetName: charset.text))
        },
    ]

    /// `decode(bin, charset)`: the text of BINARY bytes in a charset (a STRING argument is cast to its UTF-8 bytes).
    static func decode(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let (bytes, charset) = (try call.argument(0, as: .binary), try call.argument(1, as: .string))
        return CompiledExpr(type: .string) { row, context throws(EngineError) in
            guard case .binary(let value) = try bytes(row, context), case .string(let name) = try charset(row, context) else {
                return .null
            }
            return .string(try BinaryCharset.named(name, "decode").decode(value, charsetName: name))
        }
    }

    /// `concat` of BINARY arguments only: their bytes joined, NULL if any is NULL.
    static func concat(_ call: ScalarCall) -> CompiledExpr {
        let parts = call.arguments.map(\.evaluate)
        return CompiledExpr(type: .binary) { row, context throws(EngineError) in
            var out: [UInt8] = []
            for part in parts {
                guard case .binary(let bytes) = try part(row, context) else { return .null }
                out += bytes
            }
            return .binary(out)
        }
    }
}

extension ScalarDeclaration {
    /// This declaration, with a call whose first argument is BINARY answered by `kernel` over its bytes
    /// (NULL in, NULL out), as Spark's functions with a BINARY overload (`length`, `octet_length`) do.
    func overloadingBinary(returns type: SQLType, _ kernel: @escaping @Sendable ([UInt8]) -> SQLValue) -> ScalarDeclaration {
        let general = resolve
        return replacingResolve { call throws(EngineError) in
            guard call.count == 1, call.type(0) == .binary else { return try general(call) }
            let bytes = call.arguments[0].evaluate
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .binary(let value) = try bytes(row, context) else { return .null }
                return kernel(value)
            }
        }
    }

    /// This declaration refusing a BINARY argument as UNSUPPORTED_FEATURE: Spark runs such a call over the
    /// bytes and returns BINARY (`substr`, `reverse`, `lpad`), which this declaration does not.
    func refusingBinary() -> ScalarDeclaration {
        let general = resolve
        return replacingResolve { call throws(EngineError) in
            if call.arguments.contains(where: { $0.type == .binary }) { throw EngineError.unsupported("\(call.name) of BINARY") }
            return try general(call)
        }
    }

    private func replacingResolve(_ resolve: @escaping @Sendable (ScalarCall) throws(EngineError) -> CompiledExpr) -> ScalarDeclaration {
        var copy = ScalarDeclaration(names: names, arity: arity, printer: printer, resolve: resolve)
        copy.lambdaPositions = lambdaPositions
        return copy
    }
}
