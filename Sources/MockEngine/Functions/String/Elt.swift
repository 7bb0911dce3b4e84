import DBAPICore

/// `elt(n, input1, input2, …)`: the n-th input (1-based). The inputs are STRING (any atomic type cast to it)
/// unless all are BINARY; the index is cast to INT. In ANSI mode an index outside 1…count is Spark's
/// INVALID_ARRAY_INDEX; only the chosen input is evaluated.
enum Elt {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["elt"], arity: 2...Int.max) { call throws(EngineError) in
            let index = try call.intArgument(0)
            let inputs = 1..<call.count
            if inputs.contains(where: { call.type($0).isNested }) { throw nestedInput(call) }
            let type: SQLType = inputs.allSatisfy({ call.type($0) == .binary }) ? .binary : .string
            let values = try inputs.map { (position) throws(EngineError) in try call.argument(position, as: type) }
            return CompiledExpr(type: type) { row, context throws(EngineError) in
                guard case .int(let n) = try index(row, context) else { return .null }
                guard n >= 1, n <= Int64(values.count) else { throw EngineError.invalidArrayIndex(n, count: values.count) }
                return try values[Int(n - 1)](row, context)
            }
        }
    ]

    /// Spark's message for a nested input names every input and its type, in one list.
    private static func nestedInput(_ call: ScalarCall) -> EngineError {
        let positions = 1..<call.count
        let names = positions.map { "\"\(call.argumentExpr($0)?.sqlName ?? "")\"" }.joined(separator: ",")
        let types = positions.map { "\"\(call.type($0))\"" }.joined(separator: ",")
        return call.mismatch(
            "UNEXPECTED_INPUT_TYPE",
            "The second... parameter requires the \"STRING\" or \"BINARY\" type, however \(names) has the type \(types)")
    }
}
