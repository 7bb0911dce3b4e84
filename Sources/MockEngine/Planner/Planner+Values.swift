import DBAPICore

extension Planner {
    /// Plans inline rows: every row has the same number of constant expressions; each column takes
    /// the type all its rows widen to, and Spark's default name `col1`, `col2`, ….
    func planValues(_ rows: [[Expr]]) throws(EngineError) -> PlannedRelation {
        let width = rows.first?.count ?? 0
        let compiler = ExpressionCompiler(planner: self, scope: Scope(columns: [], parent: nil))
        var compiled: [[CompiledExpr]] = []
        for row in rows {
            guard row.count == width else {
                throw EngineError.analysis(
                    "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
                    "Invalid inline table. Inline table expected \(width) columns but found \(row.count) columns in row \(compiled.count).")
            }
            compiled.append(try row.map { (expr) throws(EngineError) in try compiler.compile(expr) })
        }
        var types: [SQLType] = []
        for column in 0..<width {
            var type = SQLType.null
            for row in compiled {
                guard let wider = TypeCoercion.common(type, row[column].type) else {
                    throw EngineError.analysis(
                        "INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE",
                        "Invalid inline table. Found incompatible types in the column `col\(column + 1)` for inline table.")
                }
                type = wider
            }
            types.append(type)
        }
        let evaluators = zip(rows, compiled).map { exprs, row in
            row.enumerated().map { column, expr in Self.inlineEvaluator(ExpressionCompiler.coerce(expr, to: types[column]), exprs[column]) }
        }
        let columns = types.enumerated().map { ScopeColumn(qualifier: [], name: "col\($0 + 1)", type: $1) }
        return PlannedRelation(plan: .values(evaluators, columns: columns.map(\.name)), columns: columns)
    }

    /// A cell of an inline table: Spark evaluates it while analysing the query, so any failure is
    /// reported as the cell's evaluation failing.
    private static func inlineEvaluator(_ compiled: CompiledExpr, _ expr: Expr) -> Evaluator {
        let evaluate = compiled.evaluate
        return { row, context throws(EngineError) in
            do throws(EngineError) {
                return try evaluate(row, context)
            } catch {
                throw EngineError.analysis(
                    "INVALID_INLINE_TABLE.FAILED_SQL_EXPRESSION_EVALUATION",
                    "Invalid inline table. Failed to evaluate the SQL expression \"\(expr.sqlName)\": \(error.description)")
            }
        }
    }

    /// `relation` with its columns renamed to `names` (a derived table's or CTE's column list).
    static func renamed(
        _ relation: PlannedRelation, _ names: [String]?, alias: String, isInline: Bool
    ) throws(EngineError) -> PlannedRelation {
        guard let names else { return relation }
        if isInline, names.count != relation.columns.count {
            throw EngineError.analysis(
                "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH",
                "Invalid inline table. Inline table expected \(names.count) columns but found \(relation.columns.count) columns in row 0.")
        }
        guard names.count == relation.columns.count else {
            throw EngineError.analysis(
                "ASSIGNMENT_ARITY_MISMATCH",
                "The number of columns or variables assigned or aliased: \(names.count) does not match the number of source "
                    + "expressions: \(relation.columns.count) (\(alias)).")
        }
        var renamed = relation
        for (index, name) in names.enumerated() { renamed.columns[index].name = name }
        if case .values(let rows, _) = relation.plan { renamed.plan = .values(rows, columns: names) }
        return renamed
    }
}
