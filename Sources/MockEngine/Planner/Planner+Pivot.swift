import DBAPICore
import SQLText

extension Planner {
    /// PIVOT as Spark defines it: group by every source column the aggregates and the pivot columns
    /// do not use, and compute each aggregate once per pivot value over that value's rows (a cell
    /// with no rows is NULL, also for count). A row matches a value when each pivot column is
    /// null-safe equal to its part of the value (`NULL` matches NULL, as Spark compares). Columns are
    /// named `value` (`{a, b}` for a tuple), or `value_aggregate` when there are several aggregates.
    func planPivot(_ source: FromItem, _ pivot: Pivot, alias: String?, outer: Scope?) throws(EngineError) -> PlannedRelation {
        let input = try planFrom(source, outer: outer)
        let used = Set((pivot.aggregates.map(\.expr) + pivot.columns).flatMap(\.columnNames).map { $0.lowercased() })
        let groupColumns = input.columns.filter { !$0.isHidden && !used.contains($0.name.lowercased()) }
        var select = Select()
        select.from = source
        select.groupBy = groupColumns.map { .column([$0.name]) }
        select.items = select.groupBy.map { .expression($0, alias: nil) }
        for aggregate in pivot.aggregates where aggregate.expr.aggregateCalls.isEmpty {
            throw EngineError.analysis(
                "_LEGACY_ERROR_TEMP_1006",
                "Aggregate expression required for pivot, but '\(aggregate.expr.sqlName)' did not appear in any aggregate function.")
        }
        for value in pivot.values {
            let matches = try pivotMatch(pivot.columns, value, input)
            let valueName =
                value.alias ?? (value.exprs.count == 1 ? value.exprs[0].sqlName : "{\(value.exprs.map(\.sqlName).joined(separator: ", "))}")
            for aggregate in pivot.aggregates {
                let anyRow = Expr.modifiedAggregate(
                    call: .function(name: "count", arguments: [], isDistinct: false, isStar: true), filter: matches, withinGroup: [],
                    ignoresNulls: false)
                let cell = Expr.caseWhen(
                    operand: nil,
                    branches: [
                        WhenBranch(
                            condition: .binary(.greater, anyRow, .literal(.int(0), .int)),
                            result: try Self.filtered(aggregate.expr, matches))
                    ],
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

    /// The condition a row of a pivot value's cells meets: each column `<=>` its part of the value.
    /// A tuple for one column matches no row (Spark compares a struct with the column and finds no
    /// equal); a value of the wrong arity for several columns is Spark's PIVOT_VALUE_DATA_TYPE_MISMATCH.
    private func pivotMatch(_ columns: [Expr], _ value: Pivot.Value, _ input: PlannedRelation) throws(EngineError) -> Expr {
        if columns.count == 1, value.exprs.count > 1 { return .literal(.bool(false), .boolean) }
        guard columns.count == value.exprs.count else {
            throw pivotValueMismatch(columns, value, input)
        }
        var condition: Expr?
        for (column, part) in zip(columns, value.exprs) {
            let test = Expr.binary(.nullSafeEqual, column, part)
            condition = condition.map { .binary(.and, $0, test) } ?? test
        }
        return condition ?? .literal(.bool(false), .boolean)
    }

    /// Spark's error for a value whose arity is not the pivot columns' (types as Spark prints them).
    private func pivotValueMismatch(_ columns: [Expr], _ value: Pivot.Value, _ input: PlannedRelation) -> EngineError {
        let scope = Scope(columns: input.columns, parent: nil)
        func type(_ expr: Expr) -> String {
            let compiled = try? ExpressionCompiler(planner: self, scope: scope).compile(expr)
            return (compiled?.type ?? .null).catalogString
        }
        let columnType = "struct<" + columns.map { "\($0.sqlName):\(type($0))" }.joined(separator: ",") + ">"
        let valueText: String
        let valueType: String
        if value.exprs.count == 1 {
            (valueText, valueType) = (value.exprs[0].sqlName, type(value.exprs[0]))
        } else {
            let fields = value.exprs.indices.map { "col\($0 + 1)" }
            valueText = "named_struct(" + zip(fields, value.exprs).map { "\($0), \($1.sqlName)" }.joined(separator: ", ") + ")"
            valueType = "struct<" + zip(fields, value.exprs).map { "\($0):\(type($1))" }.joined(separator: ",") + ">"
        }
        return .analysis(
            "PIVOT_VALUE_DATA_TYPE_MISMATCH",
            "Invalid pivot value '\(valueText)\(value.alias.map { " AS \($0)" } ?? "")': value data type \(valueType) does not match "
                + "pivot column data type \(columnType).")
    }

    /// `expr` with FILTER (WHERE `matches`) on each aggregate call in it (ANDed to a FILTER it has).
    private static func filtered(_ expr: Expr, _ matches: Expr) throws(EngineError) -> Expr {
        switch expr {
        case .function(let name, _, _, _) where AggregateRegistry.isAggregate(name):
            return .modifiedAggregate(call: expr, filter: matches, withinGroup: [], ignoresNulls: false)
        case let .modifiedAggregate(call, filter, withinGroup, ignoresNulls):
            return .modifiedAggregate(
                call: call, filter: filter.map { .binary(.and, $0, matches) } ?? matches, withinGroup: withinGroup,
                ignoresNulls: ignoresNulls)
        default:
            return try expr.mapChildren { (child) throws(EngineError) in try filtered(child, matches) }
        }
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
                throw EngineError.unknownColumn(parts, suggestions: ColumnSuggestions.ordered(for: parts, in: scope))
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
