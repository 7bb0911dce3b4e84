/// Spark's errors for misused window functions, with its error classes and messages.
extension EngineError {
    static func windowWithoutOver(_ call: String) -> EngineError {
        .classified(
            errorClass: "WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", sqlState: "42601",
            message: "Window function \"\(call)\" requires an OVER clause.")
    }

    static func windowNotOrdered(_ name: String, example: String) -> EngineError {
        .classified(
            errorClass: "WINDOW_FUNCTION_FRAME_NOT_ORDERED", sqlState: "42601",
            message: "Window function \(name) requires the window to be ordered. You need to add an ORDER BY clause. For example: "
                + "SELECT \(example) OVER (PARTITION BY window_partition ORDER BY window_ordering) FROM table.")
    }

    static func windowFrameMismatch(_ frame: String, required: String) -> EngineError {
        .classified(
            errorClass: "_LEGACY_ERROR_TEMP_1036", sqlState: "",
            message: "Window Frame \(frame) must match the required frame \(required).")
    }

    static func windowFrameNotAllowed(_ name: String) -> EngineError {
        .classified(errorClass: "_LEGACY_ERROR_TEMP_1035", sqlState: "", message: "Cannot specify window frame for \(name) function.")
    }

    static func windowInClause(_ clause: String) -> EngineError {
        .classified(
            errorClass: "WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE", sqlState: "42601",
            message: "It is not allowed to use window functions inside \(clause) clause.")
    }

    static var windowInsideAggregate: EngineError {
        .classified(
            errorClass: "_LEGACY_ERROR_TEMP_1031", sqlState: "",
            message: "It is not allowed to use a window function inside an aggregate function. "
                + "Please use the inner window function in a sub-query.")
    }

    static func missingWindow(_ name: String) -> EngineError {
        .classified(
            errorClass: "MISSING_WINDOW_SPECIFICATION", sqlState: "42P20",
            message: "Window specification is not defined in the WINDOW clause for \(name). For more information about WINDOW "
                + "clauses, please refer to 'https://spark.apache.org/docs/latest/sql-ref-syntax-qry-select-window.html'.")
    }

    static func distinctWindow(_ call: String) -> EngineError {
        .classified(
            errorClass: "DISTINCT_WINDOW_FUNCTION_UNSUPPORTED", sqlState: "0A000",
            message: "Distinct window functions are not supported: \"\(call)\".")
    }

    static func unsupportedWindowExpression(_ call: String) -> EngineError {
        .classified(
            errorClass: "UNSUPPORTED_EXPR_FOR_WINDOW", sqlState: "42P20",
            message: "Expression \"\(call)\" not supported within a window function.")
    }

    static var qualifyWithoutWindow: EngineError {
        .classified(
            errorClass: "QUALIFY_REQUIRES_WINDOW_FUNCTION", sqlState: "42903",
            message: "The QUALIFY clause requires at least one window function in the current SELECT list or the QUALIFY condition.")
    }

    static var frameBoundNotLiteral: EngineError {
        .classified(
            errorClass: "INVALID_SQL_SYNTAX.INVALID_WINDOW_FRAME_BOUND", sqlState: "42000",
            message: "Invalid SQL syntax: Frame bound value must be a literal.")
    }

    /// Aggregates in QUALIFY (Spark resolves them as if the query had no GROUP BY).
    static var qualifyAggregate: EngineError {
        .classified(
            errorClass: "MISSING_GROUP_BY", sqlState: "42803",
            message: "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.")
    }

    /// `DATATYPE_MISMATCH.<subclass>`: Spark's "Cannot resolve … due to data type mismatch".
    static func windowDataType(_ subclass: String, _ expression: String, _ reason: String) -> EngineError {
        .classified(
            errorClass: "DATATYPE_MISMATCH.\(subclass)", sqlState: "42K09",
            message: "Cannot resolve \"\(expression)\" due to data type mismatch: \(reason)")
    }
}

extension EngineError {
    /// A window call in the query's ORDER BY (Spark computes windows only in SELECT and QUALIFY).
    static var windowInSort: EngineError {
        .classified(
            errorClass: "UNSUPPORTED_EXPR_FOR_OPERATOR", sqlState: "42K0E",
            message: "The query operator Sort contains one or more unsupported expressions.")
    }
}
