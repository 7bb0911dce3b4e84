import DBAPICore

extension EngineError {
    /// A CAST Spark refuses, with its subclass: between DATE and a number CAST_WITH_FUNC_SUGGESTION (naming
    /// the function that converts), what only ANSI mode refuses (to BOOLEAN from DATE or TIMESTAMP, from
    /// BOOLEAN to TIMESTAMP, from an integer to BINARY) CAST_WITH_CONF_SUGGESTION, else CAST_WITHOUT_SUGGESTION.
    static func castMismatch(_ cast: Expr, from source: SQLType, to target: SQLType) -> EngineError {
        let types = "\"\(source)\" to \"\(target)\""
        let head = "Cannot resolve \"\(cast.sqlName)\" due to data type mismatch: cannot cast \(types)"
        let function = source == .date && target.isNumeric ? "UNIX_DATE" : source.isNumeric && target == .date ? "DATE_FROM_UNIX_DATE" : nil
        if let function {
            return .analysis(
                "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION",
                head + ".\nTo convert values from \(types), you can use the function `\(function)` instead.")
        }
        let refusedOnlyInANSIMode =
            ((source == .date || source == .timestamp) && target == .boolean) || (source == .boolean && target == .timestamp)
            || (source.isIntegral && target == .binary)
        guard refusedOnlyInANSIMode else { return .analysis("DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION", head + ".") }
        return .analysis(
            "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION",
            head + " with ANSI mode on.\nIf you have to cast \(types), you can set \"spark.sql.ansi.enabled\" as 'false'.")
    }
}
