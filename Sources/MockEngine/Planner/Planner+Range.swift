import DBAPICore

/// The table-valued function `range([start,] end [, step [, numSlices]])`: one BIGINT column `id` from
/// `start` (default 0) up to, not including, `end`, by `step` (default 1); its arguments are constant
/// expressions (no column, no subquery), evaluated once.
extension Planner {
    /// The most rows one `range` call may produce in the mock engine.
    static let maxRangeRows = 10_000_000

    func planRange(_ arguments: [Expr], compiler: ExpressionCompiler) throws(EngineError) -> PlannedRelation {
        guard (1...4).contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(function: "range", expected: "[1, 2, 3, 4]", got: arguments.count)
        }
        let names = arguments.count == 1 ? ["end"] : ["start", "end", "step", "numSlices"]
        let ordinals = arguments.count == 1 ? ["second"] : ["first", "second", "third", "fourth"]
        var values: [Int64] = []
        for (index, argument) in arguments.enumerated() {
            let compiled = try compiler.compile(argument)
            guard !argument.referencesColumns, !argument.containsSubquery else {
                throw EngineError.classified(
                    errorClass: "NON_FOLDABLE_ARGUMENT", sqlState: "42K08",
                    message: "The function `range` requires the parameter `\(names[index])` to be a foldable expression of the type "
                        + "\"BIGINT\", but the actual argument is a non-foldable.")
            }
            let cast = try ScalarCall.implicitCast(
                compiled, to: .bigint, "range",
                .function(
                    name: "range", arguments: arguments, isDistinct: false, isStar: false))
            guard case .int(let value) = try cast([], ExecutionContext(now: 0)) else {
                throw EngineError.classified(
                    errorClass: "UNEXPECTED_INPUT_TYPE", sqlState: "42K09",
                    message: "Parameter \(ordinals[index]) of function `range` requires the \"BIGINT\" type, however "
                        + "\"\(argument.sqlName)\" has the type \"\(compiled.type)\".")
            }
            values.append(value)
        }
        let (start, end) = values.count == 1 ? (0, values[0]) : (values[0], values[1])
        let step = values.count > 2 ? values[2] : 1
        guard step != 0 else {
            throw EngineError.classified(
                errorClass: "FAILED_FUNCTION_CALL", sqlState: "38000",
                message: "Failed preparing of the function `range` for call. Please, double check function's arguments.")
        }
        let span = Int128(end) - Int128(start)
        let stride = UInt128(step.magnitude)
        let count = span.signum() == Int128(step).signum() ? (span.magnitude + stride - 1) / stride : 0
        guard count <= Self.maxRangeRows else {
            throw EngineError.unsupported("range() of more than \(Self.maxRangeRows) rows")
        }
        return PlannedRelation(
            plan: .range(start: start, step: step, count: Int(count)), columns: [ScopeColumn(qualifier: [], name: "id", type: .bigint)])
    }
}
