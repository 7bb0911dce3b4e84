import DBAPICore
import SQLText

extension Planner {
    /// PIVOT as Spark defines it: group by every source column the aggregates and the pivot column
    /// do not use, and compute each aggregate once per pivot value over that value's rows (a cell
    /// with no rows is NULL, also for count). Columns are named `value`, or `value_aggregate` when
    /// there are several aggregates.
    func planPivot(_ source: FromItem, _ pivot: Pivot, alias: String?, outer: Scope?) throws(EngineError) -> PlannedRelation {
        let input = try planFrom(source, outer: outer)
        let used = Set((pivot.aggregates.map(\.expr) + [pivot.column]).flatMap(\.columnNames).map { $0.lowercased() })
        let groupColumns = input.columns.filter { !$0.isHidden && !used.contains($0.name.lowercased()) }
        var select = Select()
        select.from = source
        select.groupBy = groupColumns.map { .column([$0.name]) }
        select.items = select.groupBy.map { .expression($0, alias: nil) }
        for value in pivot.values {
            let matches = Expr.binary(.equal, pivot.column, value.expr)
            let valueName = value.alias ?? value.expr.sqlName
            for aggregate in pivot.aggregates {
                guard case .function(let function, _, _, _) = aggregate.expr, AggregateRegistry.isAggregate(function) else {
                    throw EngineError.analysis(
                        "_LEGACY_ERROR_TEMP_1006",
                        "Aggregate expression required for pivot, but '\(aggregate.expr.sqlName)' did not appear in any aggregate function."
                    )
                }
                let filtered = Expr.modifiedAggregate(call: aggregate.expr, filter: matches, withinGroup: [])
                let anyRow = Expr.modifiedAggregate(
                    call: .function(name: "count", arguments: [], isDistinct: false, isStar: true), filter: matches, withinGroup: [])
                let cell = Expr.caseWhen(
                    operand: nil, branches: [WhenBranch(condition: .binary(.greater, anyRow, .literal(.int(0), .int)), result: filtered)],
                    otherwise: nil)
                let name = pivot.aggregates.count == 1 ? valueName : "\(valueName)_\(aggregate.alias ?? aggregate.expr.sqlName)"
                select.items.append(.expression(cell, alias: name))
            }
        }
        let relation = try planSelect(select, orderBy: [], outer: outer)
        let qualifier = alias.map { [$0.lowercased()] } ?? []
        return PlannedRelation(
            plan: relation.plan, columns: relation.columns.map { ScopeColumn(qualifier: qualifier, name: $0.name, type: $0.type) })
    }

    /// UNPIVOT: each source row once per listed column, as the other columns, the column's name (or
    /// alias) and its value in the listed columns' common type; rows whose value is NULL are
    /// dropped unless INCLUDE NULLS.
    func planUnpivot(_ source: FromItem, _ unpivot: Unpivot, alias: String?, outer: Scope?) throws(EngineError) -> PlannedRelation {
        let input = try planFrom(source, outer: outer)
        let scope = Scope(columns: input.columns, parent: nil)
        var listed: [(index: Int, name: String)] = []
        var valueType = SQLType.null
        for column in unpivot.columns {
            guard case .column(let parts) = column.expr else {
                throw EngineError.unsupported("UNPIVOT of an expression (\(column.expr.sqlName))")
            }
            switch scope.resolve(parts) {
            case let .found(0, index, type):
                guard let wider = TypeCoercion.common(valueType, type) else {
                    throw EngineError.analysis(
                        "UNPIVOT_VALUE_DATA_TYPE_MISMATCH",
                        "Unpivot value columns must share a least common type, some types do not: \(type).")
                }
                valueType = wider
                listed.append((index, column.alias ?? parts.last ?? ""))
            case .ambiguous(let candidates):
                throw EngineError.ambiguousColumn(parts.joined(separator: "."), candidates: candidates)
            default:
                let name = parts.joined(separator: ".")
                throw EngineError.unknownColumn(name, suggestion: NameSuggestion.closest(to: parts.last ?? name, among: scope.allNames))
            }
        }
        let kept = input.columns.indices.filter { index in !input.columns[index].isHidden && !listed.contains { $0.index == index } }
        let keptEvaluators: [Evaluator] = kept.map { index in { row, _ in row[index] } }
        let projections = listed.map { column -> [Evaluator] in
            let value = ExpressionCompiler.coerce(
                CompiledExpr(type: input.columns[column.index].type) { row, _ in row[column.index] }, to: valueType)
            let name = column.name
            return keptEvaluators + [{ _, _ in .string(name) }, value.evaluate]
        }
        let keptNames = kept.map { input.columns[$0].name }
        let names = listed.map { keptNames + [SparkLiteral.string($0.name), input.columns[$0.index].name] }
        var plan = Plan.expand(input.plan, projections: projections, names: names)
        if !unpivot.includeNulls {
            let valueIndex = kept.count + 1
            plan = .filter(
                plan, { row, _ in .bool(!row[valueIndex].isNull) },
                condition: Expr.isNull(.column([unpivot.valueColumn]), negated: true).sqlName)
        }
        let qualifier = alias.map { [$0.lowercased()] } ?? []
        let columns =
            kept.map { ScopeColumn(qualifier: qualifier, name: input.columns[$0].name, type: input.columns[$0].type) } + [
                ScopeColumn(qualifier: qualifier, name: unpivot.nameColumn, type: .string),
                ScopeColumn(qualifier: qualifier, name: unpivot.valueColumn, type: valueType),
            ]
        return PlannedRelation(plan: plan, columns: columns)
    }
}

extension Expr {
    /// The column names this expression reads (subqueries are not searched).
    var columnNames: [String] {
        if case .column(let parts) = self { return parts.last.map { [$0] } ?? [] }
        return children.flatMap(\.columnNames)
    }
}
