import DBAPICore

/// A subquery's read of a column of the query around it, as recorded on that query's scope.
struct OuterReference: Sendable {
    /// Where in the subquery the read is, in the order Spark's plan lists them (top of the plan first).
    enum Clause: Int, Sendable {
        case selectList, having, aggregate, filter, join
        /// ORDER BY, where Spark also refuses a correlated scalar subquery.
        case sort
    }

    var clause: Clause
    var name: String
}

/// Where a subquery may read the enclosing query's columns, as Spark's analyzer allows it: in WHERE,
/// HAVING, join conditions and the select list of a query that does not aggregate, one query level out.
/// Elsewhere (GROUP BY, ORDER BY, aggregate calls, the select list of an aggregating query) such a
/// reference is UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.
enum OuterReferences {
    /// How many query levels out a column may be found: a subquery sees its own FROM and the query
    /// it sits in, not the query around that one.
    static let maximumDepth = 1

    /// The outer columns a subquery read, in Spark's order (by clause, then as written), as its
    /// generated name lists them: `scalarsubquery(qty, id)`.
    static func names(_ reads: ArraySlice<OuterReference>) -> String {
        reads.enumerated().sorted { ($0.element.clause.rawValue, $0.offset) < ($1.element.clause.rawValue, $1.offset) }
            .map(\.element.name).joined(separator: ", ")
    }

    /// The error for an outer column read where Spark refuses one.
    static func refused(_ reference: String) -> EngineError {
        .analysis(
            "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE",
            "Unsupported subquery expression: Expressions referencing the outer query are not supported outside of "
                + "WHERE/HAVING clauses: \"\(reference)\".")
    }

    /// The error for a correlated scalar subquery where Spark cannot decorrelate it (ORDER BY).
    static let scalarSubqueryInSort = EngineError.analysis(
        "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY",
        "Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, "
            + "and UPDATE/MERGE/DELETE commands.")

    /// The error for an aggregate call reading both outer and local columns (`max(on_hand + i.qty)`).
    static func mixedInAggregate(_ call: Expr) -> EngineError {
        .analysis(
            "UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES",
            "Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both outer "
                + "and local references, which is not supported: \"\(call.sqlName)\".")
    }

    /// Plans an aggregate call of a subquery: an outer column in it is refused, as mixed when the
    /// call also reads a column of its own query.
    static func planAggregate(_ call: Expr, compiler: ExpressionCompiler) throws(EngineError) -> AggregateSpec {
        do {
            return try AggregateSpec.plan(call, compiler: compiler)
        } catch {
            guard error.errorClass.hasSuffix(".CORRELATED_REFERENCE"), readsLocalColumn(call, compiler.scope) else { throw error }
            throw mixedInAggregate(call)
        }
    }

    private static func readsLocalColumn(_ expr: Expr, _ scope: Scope) -> Bool {
        if case .column(let parts) = expr, case .found(0, _, _) = scope.resolve(parts) { return true }
        return expr.children.contains { readsLocalColumn($0, scope) }
    }
}
