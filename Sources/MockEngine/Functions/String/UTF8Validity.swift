import DBAPICore

/// `is_valid_utf8`, `make_valid_utf8`, `validate_utf8` and `try_validate_utf8`. The mock engine's strings
/// are valid UTF-8 by construction (a data file or literal that is not is refused where it is read), so
/// every string is valid and each function answers it unchanged. A BINARY argument, which Spark reads as
/// possibly invalid bytes, is not supported.
enum UTF8Validity {
    static let declarations: [ScalarDeclaration] = [
        validity(["is_valid_utf8"], returns: .boolean) { _ in .bool(true) },
        validity(["make_valid_utf8", "validate_utf8", "try_validate_utf8"], returns: .string) { $0 },
    ]

    private static func validity(
        _ names: [String], returns result: SQLType, _ answer: @escaping ScalarDeclaration.UnaryKernel
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 1...1) { call throws(EngineError) in
            if call.type(0).containsBinary { throw EngineError.unsupported("\(call.name) of BINARY") }
            let text = try call.argument(0, as: .string)
            return CompiledExpr(type: result) { row, context throws(EngineError) in
                let value = try text(row, context)
                return value.isNull ? .null : try answer(value)
            }
        }
    }
}
