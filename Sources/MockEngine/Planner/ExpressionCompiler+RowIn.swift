import DBAPICore

/// `(a, b) [NOT] IN (SELECT x, y …)`, as Spark runs it (an existence join): IN is true when some subquery row
/// equals the row in every column (NULLs never equal) and false otherwise, never NULL; NOT IN is true when every
/// subquery row differs in some column where both sides are non-NULL (an empty subquery: true), false otherwise.
extension ExpressionCompiler {
    func compileRowInSubquery(
        _ fields: [Expr], _ relation: PlannedRelation, _ run: @escaping @Sendable (Row, ExecutionContext) throws(EngineError) -> [Row],
        negated: Bool, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let items = stride(from: 1, to: fields.count, by: 2).map { fields[$0] }
        guard relation.columns.count == items.count else {
            let left = items.map { "\"\($0.sqlName)\"" }.joined(separator: ", ")
            let right = relation.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH",
                "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: The number of columns in the left hand side of an IN "
                    + "subquery does not match the number of columns in the output of subquery. Left hand side columns(length: "
                    + "\(items.count)): [\(left)], right hand side columns(length: \(relation.columns.count)): [\(right)].")
        }
        var probes: [Evaluator] = []
        var types: [(column: SQLType, common: SQLType)] = []
        for (item, column) in zip(items, relation.columns) {
            let value = try compile(item)
            guard let common = TypeCoercion.comparison(value.type, column.type) else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "cannot compare \(value.type) with \(column.type) in IN")
            }
            probes.append(Self.coerce(value, to: common).evaluate)
            types.append((column.type, common))
        }
        let (needles, columnTypes) = (probes, types)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            var probe: [SQLValue] = []
            for needle in needles { probe.append(try needle(row, context)) }
            for candidateRow in try run(row, context) {
                var allEqual = true
                var differs = false
                for (index, types) in columnTypes.enumerated() {
                    let candidate = try Cast.value(candidateRow[index], from: types.column, to: types.common)
                    if candidate.isNull || probe[index].isNull {
                        allEqual = false
                    } else if ValueOrder.compare(candidate, probe[index]) != 0 {
                        allEqual = false
                        differs = true
                    }
                }
                if negated ? !differs : allEqual { return .bool(!negated) }
            }
            return .bool(negated)
        }
    }
}
