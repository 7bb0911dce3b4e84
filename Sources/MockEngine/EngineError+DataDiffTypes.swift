import DBAPICore

extension EngineError {
    /// DATATYPE_MISMATCH.DATA_DIFF_TYPES: the inputs of `function` have no common type. `function` is the
    /// name Spark reports: `coalesce` for nvl and ifnull, `if` for nvl2, `casewhen` for CASE and decode,
    /// `in` for an IN list. Spark lists the types as alternatives for coalesce and array, else in brackets.
    static func dataDiffTypes(_ expression: String, function: String, _ types: [SQLType]) -> EngineError {
        let quoted = types.map { "\"\($0)\"" }
        let list =
            ["coalesce", "array"].contains(function)
            ? "(" + quoted.joined(separator: " or ") + ")" : "[" + quoted.joined(separator: ", ") + "]"
        return .analysis(
            "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
            "Cannot resolve \"\(expression)\" due to data type mismatch: Input to `\(function)` should all be the same type, "
                + "but it's \(list).")
    }

    /// DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES or CREATE_MAP_VALUE_DIFF_TYPES: `map(…)`'s keys, or its
    /// values, have no common type.
    static func mapDiffTypes(_ expression: String, keys: Bool, _ types: [SQLType]) -> EngineError {
        let part = keys ? "KEY" : "VALUE"
        return .analysis(
            "DATATYPE_MISMATCH.CREATE_MAP_\(part)_DIFF_TYPES",
            "Cannot resolve \"\(expression)\" due to data type mismatch: The given \(keys ? "keys" : "values") of function `map` "
                + "should all be the same type, but they are [\(types.map { "\"\($0)\"" }.joined(separator: ", "))].")
    }
}
