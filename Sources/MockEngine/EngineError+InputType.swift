import DBAPICore

extension EngineError {
    /// Spark's word for the parameter at `index` (0-based) in its messages: first, second, third, then 4th, 5th, ….
    static func ordinalWord(_ index: Int) -> String {
        switch index {
        case 0: "first"
        case 1: "second"
        case 2: "third"
        default: "\(index + 1)th"
        }
    }

    /// DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE: the parameter at `index` (0-based) of `expression`, written
    /// `input`, is of `type` where `requires` (`"BOOLEAN"`, quoted as Spark quotes it) is needed.
    static func unexpectedInputType(
        _ expression: String, parameter index: Int, requires: String, input: String, type: SQLType
    ) -> EngineError {
        .analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            "Cannot resolve \"\(expression)\" due to data type mismatch: The \(ordinalWord(index)) parameter requires the "
                + "\(requires) type, however \"\(input)\" has the type \"\(type)\".")
    }
}
