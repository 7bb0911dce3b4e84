import DBAPICore

/// `stack(n, v1, v2, …)`: the values laid out in `n` rows of `ceil(count / n)` columns `col0, col1, …`, row by
/// row, NULL where the values run out. `n` is a constant INT above 0; each column takes the type of its first
/// value that is not a NULL literal, and every other value of that column must have it
/// (STACK_COLUMN_DIFF_TYPES). The generator runs it as `inline` over an array of those rows.
enum Stack {
    static let name = "stack"

    /// Binds a call to its compiled arguments.
    static func resolve(_ expr: Expr, _ arguments: [CompiledExpr]) throws(EngineError) -> GeneratePlan {
        guard arguments.count > 1 else { throw EngineError.wrongArgumentCount(function: name, expected: "> 1", got: arguments.count) }
        guard case .function(_, let written, _, _) = expr, written.count == arguments.count else {
            throw EngineError.unsupported("\(expr.sqlName) as a generator")
        }
        let call = expr.sqlName
        guard arguments[0].type == .int else {
            throw EngineError.unexpectedInputType(
                call, parameter: 0, requires: "\"INT\"", input: written[0].sqlName, type: arguments[0].type)
        }
        guard case .int(let rowCount)? = arguments[0].constant else {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                "Cannot resolve \"\(call)\" due to data type mismatch: the input `n` should be a foldable \"INT\" expression; "
                    + "however, got \"\(written[0].sqlName)\".")
        }
        guard rowCount > 0 else {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                "Cannot resolve \"\(call)\" due to data type mismatch: The `n` must be between (0, 2147483647] "
                    + "(current value = \(rowCount)).")
        }
        let values = Array(arguments.dropFirst())
        let rows = Int(rowCount)
        let width = (values.count + rows - 1) / rows
        var columns: [ScopeColumn] = []
        for column in 0..<width {
            let positions = stride(from: column, to: values.count, by: width)
            var typed: Int?
            for position in positions where values[position].type != .null {
                guard let first = typed else {
                    typed = position
                    continue
                }
                guard values[position].type == values[first].type else {
                    throw EngineError.analysis(
                        "DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES",
                        "Cannot resolve \"\(call)\" due to data type mismatch: The data type of the column (\(column)) do not have the "
                            + "same type: \"\(values[first].type)\" (\(first + 1)) <> \"\(values[position].type)\" (\(position + 1)).")
                }
            }
            columns.append(ScopeColumn(qualifier: [], name: "col\(column)", type: typed.map { values[$0].type } ?? .null))
        }
        let evaluators = values.map(\.evaluate)
        let names = columns.map(\.name)
        let table: Evaluator = { row, context throws(EngineError) in
            var out: [SQLValue] = []
            out.reserveCapacity(rows)
            for index in 0..<rows {
                var fields: [SQLField] = []
                fields.reserveCapacity(width)
                for column in 0..<width {
                    let position = index * width + column
                    fields.append(SQLField(names[column], position < evaluators.count ? try evaluators[position](row, context) : .null))
                }
                out.append(.struct(fields))
            }
            return .array(out)
        }
        return GeneratePlan(kind: .inline, name: call, isOuter: false, columns: columns, argument: table)
    }
}
