import DBAPICore

extension ScalarCall {
    /// Argument `index` implicitly cast to INT as Spark casts a function's INT parameter: numbers (CAST_OVERFLOW
    /// past INT's range) and strings (CAST_INVALID_INPUT); any other type is UNEXPECTED_INPUT_TYPE.
    func intArgument(_ index: Int) throws(EngineError) -> Evaluator {
        let type = type(index)
        guard type.isNumeric || type == .string || type == .null else { throw unexpected(index, "\"INT\"") }
        return try argument(index, as: .int)
    }
}
