import DBAPICore

/// Spark's errors for misused lambdas and higher-order functions.
enum LambdaErrors {
    /// A lambda passed to a function that takes none (`upper(x -> x)`); `function` nil when not a scalar call.
    static func notHigherOrder(_ function: String?) -> EngineError {
        invalidCall(
            "NON_HIGHER_ORDER_FUNCTION",
            "A lambda function should only be used in a higher order function."
                + (function.map { " However, `\($0)` is not a higher order function." } ?? ""))
    }

    /// A lambda at a position of a higher-order function that takes a value.
    static let lambdaNotAccepted = invalidCall(
        "PARAMETER_DOES_NOT_ACCEPT_LAMBDA_FUNCTION",
        "You passed a lambda function to a parameter that does not accept it. Please check if lambda function argument is in the "
            + "correct position.")

    /// `(x, x) -> …`.
    static func duplicateParameters(_ names: [String]) -> EngineError {
        invalidCall(
            "DUPLICATE_ARG_NAMES",
            "The lambda function has duplicate arguments \(names.map { "`\($0)`" }.joined(separator: ", ")). Please, consider to "
                + "rename the argument names or set \"spark.sql.caseSensitive\" to \"true\".")
    }

    /// A lambda with `written` parameters where the function passes `expected` values (Spark's wording).
    static func parameterCountMismatch(written: Int, expected: Int) -> EngineError {
        invalidCall("NUM_ARGS_MISMATCH", "A higher order function expects \(written) arguments, but got \(expected).")
    }

    static let subqueryInHigherOrderFunction = EngineError.classified(
        errorClass: "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.HIGHER_ORDER_FUNCTION", sqlState: "0A000",
        message: "Unsupported subquery expression: Subquery expressions are not supported within higher-order functions. Please "
            + "remove all subquery expressions from higher-order functions and then try the query again.")

    /// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE: argument `ordinal` (0-based) of `call` is not of the `required` type.
    static func unexpectedInputType(_ call: String, ordinal: Int, required: String, input: String, type: SQLType)
        -> EngineError
    {
        .classified(
            errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
            message: "Cannot resolve \"\(call)\" due to data type mismatch: The \(EngineError.ordinalWord(ordinal)) parameter requires the "
                + "\(required) type, however \"\(input)\" has the type \"\(type)\".")
    }

    /// DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE: a comparator that does not return INT.
    static func unexpectedReturnType(_ call: String, expected: String, actual: SQLType) -> EngineError {
        .classified(
            errorClass: "DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE", sqlState: "42K09",
            message: "Cannot resolve \"\(call)\" due to data type mismatch: The `lambdafunction` requires return \"\(expected)\" "
                + "type, but the actual is \"\(actual)\" type.")
    }

    private static func invalidCall(_ subclass: String, _ message: String) -> EngineError {
        .classified(
            errorClass: "INVALID_LAMBDA_FUNCTION_CALL.\(subclass)", sqlState: "42K0D", message: "Invalid lambda function call. \(message)")
    }
}
