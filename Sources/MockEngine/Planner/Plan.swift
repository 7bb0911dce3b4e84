import DBAPICore

/// A node of an executable plan. Expressions inside are already compiled against the node's input;
/// next to each compiled expression the node keeps the name it prints in the plan's description
/// (`Plan+Description.swift`), which execution never reads.
indirect enum Plan: Sendable {
    case scan(Table)
    /// One row with no columns: `SELECT` without `FROM`.
    case singleRow
    /// Inline rows (`VALUES`), each evaluated without input; `columns` names the columns.
    case values([[Evaluator]], columns: [String])
    case filter(Plan, Evaluator, condition: String)
    /// One output column per evaluator; `names` holds each one's expression (`expr AS alias`).
    case project(Plan, [Evaluator], names: [String])
    /// Groups by `keys` and computes `aggregates` per group; the names are the keys' and the calls'.
    case aggregate(Plan, keys: [Evaluator], aggregates: [AggregateSpec], keyNames: [String], aggregateNames: [String])
    /// Each input row once per projection (grouping sets, UNPIVOT), as Spark's Expand; `names`
    /// describes each projection (`*` for all input columns passed through).
    case expand(Plan, projections: [[Evaluator]], names: [[String]])
    /// Appends one column per window call to each input row.
    case window(Plan, WindowPlan)
    case join(JoinPlan)
    case sort(Plan, [SortKey])
    case limit(Plan, limit: Int?, offset: Int)
    case distinct(Plan)
    case setOperation(SetOperator, isAll: Bool, Plan, Plan)
    /// A CTE used more than once is computed once per statement, keyed by `id`; `name` is the CTE's.
    case shared(id: Int, Plan, name: String)
}

struct SortKey: Sendable {
    var evaluate: Evaluator
    /// The key's expression, for the plan's description.
    var name: String
    var isAscending: Bool
    var nullsFirst: Bool
}

struct JoinPlan: Sendable {
    var kind: JoinKind
    var left: Plan
    var right: Plan
    var leftWidth: Int
    var rightWidth: Int
    /// Equality keys evaluated on the left row and on the right row (hash join).
    var leftKeys: [Evaluator]
    var rightKeys: [Evaluator]
    /// The rest of the ON condition, evaluated on the joined row.
    var residual: Evaluator?
    /// The keys' and the residual's expressions, for the plan's description.
    var leftKeyNames: [String]
    var rightKeyNames: [String]
    var residualName: String?
}

/// One aggregate call of an aggregation node.
struct AggregateSpec: Sendable {
    /// count, sum, avg, min and max run on a built-in fast path; every other aggregate is a kernel.
    enum Function: Sendable { case countStar, count, sum, average, minimum, maximum, kernel }
    var function: Function
    var arguments: [Evaluator]
    var argumentType: SQLType
    var resultType: SQLType
    var isDistinct: Bool
    /// `FILTER (WHERE …)`: only rows where it is true are aggregated.
    var filter: Evaluator?
    /// Makes the state of one group, for `.kernel`.
    var makeKernel: (@Sendable () -> any AggregateKernel)?
}

/// A planned relation: the plan and the columns of the rows it produces.
struct PlannedRelation: Sendable {
    var plan: Plan
    var columns: [ScopeColumn]
}

/// A subquery inside an expression (`scalarsubquery()`, `exists()`, `listquery()`): its plan runs
/// from the expression's closure, so the statement keeps it here for the plan's description.
struct SubqueryPlan: Sendable {
    var name: String
    /// Whether it reads the enclosing row (then it runs once per row, else once per statement).
    var isCorrelated: Bool
    var plan: Plan
}
