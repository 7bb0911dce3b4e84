import DBAPICore

extension ScalarCall {
    /// Whether the datetime parsers (to_date, to_timestamp and their kin) read argument `index` as its text
    /// although it is not text: an atomic value other than STRING, DATE, a timestamp or NULL, which Spark casts
    /// to STRING first (`to_date(2024)` is 2024-01-01).
    func castsToText(_ index: Int) -> Bool {
        let type = type(index)
        return !type.isNested && ![.string, .date, .timestamp, .timestampNTZ, .null].contains(type)
    }

    /// A NULL of `type` that still evaluates argument 0 first: a datetime parser given a NULL pattern reads nothing,
    /// but Spark evaluates the value anyway, so one that fails fails the call.
    func nullAfterValue(_ type: SQLType) -> CompiledExpr {
        guard let value = arguments.first?.evaluate else { return CompiledExpr(constant: .null, type: type) }
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            _ = try value(row, context)
            return .null
        }
    }
}
