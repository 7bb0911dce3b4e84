import DBAPICore

/// A node of an executable plan. Expressions inside are already compiled against the node's input.
indirect enum Plan: Sendable {
    case scan(Table)
    /// One row with no columns: `SELECT` without `FROM`.
    case singleRow
    /// Inline rows (`VALUES`), each evaluated without input.
    case values([[Evaluator]])
    case filter(Plan, Evaluator)
    case project(Plan, [Evaluator])
    case aggregate(Plan, keys: [Evaluator], aggregates: [AggregateSpec])
    /// Each input row once per projection (grouping sets, UNPIVOT), as Spark's Expand.
    case expand(Plan, projections: [[Evaluator]])
    /// Appends one column per window call to each input row.
    case window(Plan, WindowPlan)
    case join(JoinPlan)
    case sort(Plan, [SortKey])
    case limit(Plan, limit: Int?, offset: Int)
    case distinct(Plan)
    case setOperation(SetOperator, isAll: Bool, Plan, Plan)
    /// A CTE used more than once is computed once per statement, keyed by `id`.
    case shared(id: Int, Plan)
    /// Each input row followed by each row a generator makes of it (explode, LATERAL VIEW).
    case generate(Plan, GeneratePlan)
    /// `range(start, end, step)`: `count` BIGINT rows.
    case range(start: Int64, step: Int64, count: Int)
    /// A join whose right side reads the left row (LATERAL): run once per left row.
    case lateralJoin(LateralJoinPlan)
}

/// A LATERAL join: the right plan runs with each left row as its outer row.
struct LateralJoinPlan: Sendable {
    /// LEFT OUTER (a left row without matches is kept with NULLs) rather than INNER or CROSS.
    var isLeftOuter: Bool
    var left: Plan
    var right: Plan
    var rightWidth: Int
    /// The ON condition, evaluated on the joined row.
    var condition: Evaluator?
}

struct SortKey: Sendable {
    var evaluate: Evaluator
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
