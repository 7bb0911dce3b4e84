import DBAPICore

/// A node of an executable plan. Expressions inside are already compiled against the node's input.
indirect enum Plan: Sendable {
    case scan(Table)
    /// One row with no columns: `SELECT` without `FROM`.
    case singleRow
    case filter(Plan, Evaluator)
    case project(Plan, [Evaluator])
    case aggregate(Plan, keys: [Evaluator], aggregates: [AggregateSpec])
    /// Appends one column per window call to each input row.
    case window(Plan, WindowPlan)
    case join(JoinPlan)
    case sort(Plan, [SortKey])
    case limit(Plan, limit: Int?, offset: Int)
    case distinct(Plan)
    case setOperation(SetOperator, isAll: Bool, Plan, Plan)
    /// A CTE used more than once is computed once per statement, keyed by `id`.
    case shared(id: Int, Plan)
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
    enum Function: Sendable { case countStar, count, sum, average, minimum, maximum }
    var function: Function
    var arguments: [Evaluator]
    var argumentType: SQLType
    var resultType: SQLType
    var isDistinct: Bool
}

/// A planned relation: the plan and the columns of the rows it produces.
struct PlannedRelation: Sendable {
    var plan: Plan
    var columns: [ScopeColumn]
}
