import DBAPICore

extension ExpressionCompiler {
    /// `grouping(e)` (TINYINT: 1 when the row's grouping set leaves `e` out) and
    /// `grouping_id([e…])` (BIGINT: those bits for every grouping expression; its arguments, if
    /// any, must be exactly the grouping expressions); nil for any other function.
    func compileGrouping(_ name: String, _ arguments: [Expr], _ expr: Expr) throws(EngineError) -> CompiledExpr? {
        guard name == "grouping" || name == "grouping_id" else { return nil }
        guard let aggregation, let idPosition = aggregation.groupingIDPosition else {
            throw EngineError.analysis(
                "UNSUPPORTED_GROUPING_EXPRESSION", "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.")
        }
        if name == "grouping", arguments.count != 1 {
            throw EngineError.wrongArgumentCount(function: name, expected: "1", got: arguments.count)
        }
        let count = aggregation.groupExpressions.count
        var shifts: [Int64] = []
        for argument in arguments {
            guard let position = try aggregation.position(of: argument, in: scope), position < count else {
                let columns = aggregation.groupExpressions.map(\.sqlName).joined(separator: ",")
                throw EngineError.analysis(
                    "GROUPING_COLUMN_MISMATCH", "Column of grouping (\(argument.sqlName)) can't be found in grouping columns \(columns).")
            }
            shifts.append(Int64(count - 1 - position))
        }
        if name == "grouping_id", !arguments.isEmpty, shifts != (0..<count).map({ Int64(count - 1 - $0) }) {
            throw EngineError.analysis(
                "GROUPING_ID_COLUMN_MISMATCH",
                "Columns of grouping_id (\(arguments.map(\.sqlName).joined(separator: ","))) does not match grouping columns "
                    + "(\(aggregation.groupExpressions.map(\.sqlName).joined(separator: ","))).")
        }
        if arguments.isEmpty || name == "grouping_id" {
            return CompiledExpr(type: .bigint) { row, _ in row[idPosition] }
        }
        let shift = shifts[0]
        return CompiledExpr(type: .tinyint) { row, _ in
            guard case .int(let id) = row[idPosition] else { return .null }
            return .int((id >> shift) & 1)
        }
    }
}
