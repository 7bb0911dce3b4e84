import DBAPICore

/// `assert_true(condition [, message])` and `raise_error(message)`: VOID-typed calls that fail the query
/// with Spark's USER_RAISED_EXCEPTION when reached, and `typeof(x)`, the type's catalog string.
enum AssertionFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["assert_true"], arity: 1...2, printer: assertPrinter) { call throws(EngineError) in
            let defaultMessage = "'\(argumentName(call, 0))' is not true!"
            guard call.type(0) == .boolean || call.type(0) == .null else {  // Spark checks the IF it rewrites to
                throw EngineError.analysis(
                    "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                    "Cannot resolve \"(IF(\(argumentName(call, 0)), NULL, raise_error(USER_RAISED_EXCEPTION, map(errorMessage, "
                        + "\(defaultMessage)))))\" due to data type mismatch: The first parameter requires the \"BOOLEAN\" type, "
                        + "however \"\(argumentName(call, 0))\" has the type \"\(call.type(0))\".")
            }
            let condition = call.arguments[0].evaluate
            let message = call.count == 2 ? try call.argument(1, as: .string) : nil
            return CompiledExpr(type: .null) { row, context throws(EngineError) in
                if case .bool(true) = try condition(row, context) { return .null }
                let text = try message?(row, context)
                throw userRaised(text.map { $0.isNull ? "null" : $0.text } ?? defaultMessage)
            }
        },
        ScalarDeclaration(
            names: ["raise_error"], arity: 1...1,
            printer: { _, arguments in
                "raise_error(USER_RAISED_EXCEPTION, map(errorMessage, \(arguments[0])))"
            }
        ) { call throws(EngineError) in
            let message = try call.argument(0, as: .string)
            return CompiledExpr(type: .null) { row, context throws(EngineError) in
                let text = try message(row, context)
                throw userRaised(text.isNull ? "null" : text.text)
            }
        },
        ScalarDeclaration(names: ["typeof"], arity: 1...1) { call throws(EngineError) in
            CompiledExpr(constant: .string(call.type(0).catalogString), type: .string)
        },
    ]

    private static func userRaised(_ message: String) -> EngineError {
        .classified(errorClass: "USER_RAISED_EXCEPTION", sqlState: "P0001", message: message)
    }

    /// The printed name of argument `index` of the call.
    private static func argumentName(_ call: ScalarCall, _ index: Int) -> String {
        guard case let .function(_, arguments, _, _) = call.expr, index < arguments.count else { return "" }
        return arguments[index].sqlName
    }

    /// `assert_true(c)` prints its default message as a second argument: `assert_true((1 < 2), '(1 < 2)' is not true!)`.
    private static let assertPrinter: ScalarDeclaration.Printer = { _, arguments in
        guard arguments.count == 1 else { return nil }
        return "assert_true(\(arguments[0]), '\(arguments[0])' is not true!)"
    }
}
