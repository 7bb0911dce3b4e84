import DBAPICore

/// How expressions above an aggregation map onto its output row: group-by expressions first,
/// then aggregate calls.
struct AggregationFrame {
    /// The group-by expressions, as written.
    let groupExpressions: [Expr]
    /// For group-by expressions that are plain columns, the input column index they name.
    let groupColumnIndexes: [Int?]
    /// With grouping sets, the output position of the grouping ID (after the group keys; the
    /// set's ordinal follows it).
    let groupingIDPosition: Int?
    let aggregateCalls: [Expr]
    /// Output types: group keys, then aggregates.
    let types: [SQLType]

    /// The error for a column read above the aggregation that is neither grouped nor aggregated: Spark's
    /// MISSING_GROUP_BY when there is no GROUP BY at all, else MISSING_AGGREGATION.
    func notAggregated(_ expression: String) -> EngineError {
        guard groupExpressions.isEmpty, groupingIDPosition == nil else { return .notAggregated(expression: expression) }
        return .analysis(
            "MISSING_GROUP_BY",
            "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.")
    }

    /// The output position `expr` reads, or nil when it must be computed from its parts.
    func position(of expr: Expr, in scope: Scope) throws(EngineError) -> Int? {
        if let index = groupExpressions.firstIndex(of: expr) { return index }
        if let index = aggregateCalls.firstIndex(of: expr) {
            return groupExpressions.count + (groupingIDPosition == nil ? 0 : 2) + index
        }
        if case .column(let parts) = expr, case .found(0, let column, _) = scope.resolve(parts),
            let index = groupColumnIndexes.firstIndex(of: column)
        {
            return index
        }
        return nil
    }
}

extension Expr {
    /// Aggregate calls inside this expression, outermost first; subqueries are not searched.
    var aggregateCalls: [Expr] {
        var found: [Expr] = []
        collectAggregates(into: &found)
        return found
    }

    /// Whether this expression is itself an aggregate call (`sum(x)`, `count(*) FILTER (WHERE …)`).
    var isAggregateCall: Bool {
        switch self {
        case .function(let name, _, _, _): AggregateRegistry.isAggregate(name)
        case .modifiedAggregate: true
        default: false
        }
    }

    /// Whether a column is read outside every aggregate call (`x` in `x + sum(y)`; not `sum(y)`).
    var readsColumnOutsideAggregates: Bool {
        if case .column = self { return true }
        return !isAggregateCall && children.contains(where: \.readsColumnOutsideAggregates)
    }

    private func collectAggregates(into found: inout [Expr]) {
        if isAggregateCall {
            if !found.contains(self) { found.append(self) }
            return
        }
        // Through everything else, window calls included: `sum(sum(x)) OVER (ORDER BY max(y))`
        // holds the aggregates inside the call, not the call.
        for child in children { child.collectAggregates(into: &found) }
    }
}
