import DBAPICore

/// The running state of one aggregate call for one group: it sees every input row's arguments
/// (NULLs included; each kernel skips what Spark skips) and produces the group's value.
protocol AggregateKernel {
    mutating func add(_ arguments: Row) throws(EngineError)
    func result() throws(EngineError) -> SQLValue
}

/// A kernel that can take a row back out, so a window frame whose start moves costs O(1) per row
/// instead of re-adding the frame. Rows leave a frame in the order they entered it, so `retract`
/// always gets the oldest row `add` saw that is still in the state. Kernels whose answer depends on
/// the order values were added in (DOUBLE moments, whose last digit is Spark's only when re-added
/// in frame order) are not retractable.
protocol RetractableAggregateKernel: AggregateKernel {
    mutating func retract(_ arguments: Row) throws(EngineError)
}

/// What the planner knows about an aggregate call's arguments when it resolves the call.
struct AggregateArguments {
    /// The name as called (lower-cased).
    let name: String
    let types: [SQLType]
    /// Each argument's generated name.
    let argumentNames: [String]
    /// Each argument's value when it is a constant.
    let constants: [SQLValue?]
    /// The `WITHIN GROUP (ORDER BY …)` keys, appended after the arguments in each kernel row.
    let order: [OrderItem]
    let orderTypes: [SQLType]
    /// `IGNORE NULLS` after the call (only where the declaration `takesIgnoreNulls`).
    let ignoresNulls: Bool
    /// The call's generated name, for messages.
    let sqlName: String

    /// A `DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE` error for argument `index` (0-based).
    func unexpectedType(_ index: Int, requires: String) -> EngineError {
        guard index < types.count, index < argumentNames.count else { return .typeMismatch(expression: sqlName, message: requires) }
        return .unexpectedInputType(sqlName, parameter: index, requires: requires, input: argumentNames[index], type: types[index])
    }

    /// The constant argument at `index`, or a `DATATYPE_MISMATCH.NON_FOLDABLE_INPUT` error.
    func constant(_ index: Int) throws(EngineError) -> SQLValue {
        guard index < constants.count, let value = constants[index] else {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT",
                "Cannot resolve \"\(sqlName)\" due to data type mismatch: argument \(index + 1) must be a constant.")
        }
        return value
    }
}

/// A resolved aggregate call: its result type, what the kernel sees, and how to make one.
struct AggregateResolution {
    let resultType: SQLType
    /// The type each argument is cast to before the kernel sees it (nil: as it is).
    var argumentTypes: [SQLType?] = []
    /// The type each WITHIN GROUP key is cast to (nil: as it is).
    var keyTypes: [SQLType?] = []
    var makeKernel: (@Sendable () -> any AggregateKernel)?
}

/// One aggregate function, declared once: the names it answers to, how many arguments it takes,
/// how Spark prints it, and its type rule (which also builds the kernel).
struct AggregateDeclaration: Sendable {
    enum WithinGroup: Sendable { case forbidden, required, optional }

    /// The names it is called by.
    let names: [String]
    let arity: ClosedRange<Int>
    /// The name Spark prints when it differs from the called one (`array_agg` prints `collect_list`).
    var printedAs: String?
    /// The name Spark prints for a call with WITHIN GROUP when it differs (`string_agg` prints `listagg`).
    var printedWithinGroupAs: String?
    /// How many arguments Spark prints (`first(x, true)` prints `first(x)`), nil for all.
    var printedArity: Int?
    /// Arguments Spark fills in and prints when omitted (percentile's frequency `1`).
    var printedDefaults: [String] = []
    /// Whether Spark prints WITHIN GROUP keys with explicit direction and null order.
    var printsNullOrder = false
    /// Whether Spark prints each WITHIN GROUP key in the opposite direction (`mode`).
    var printsReversedOrder = false
    /// Spark's name for a call when no general rule gives it (`mode(x, true)`), or nil.
    var printer: (@Sendable (_ arguments: [Expr]) -> String?)?
    var withinGroup = WithinGroup.forbidden
    /// Whether the function is an ordered-set aggregate without a written WITHIN GROUP (median is
    /// Spark's `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)`).
    var impliesWithinGroup = false
    /// Whether `IGNORE NULLS` may follow a call (first, last, any_value).
    var takesIgnoreNulls = false
    /// The built-in fast path for count, sum, avg, min and max; nil for kernels.
    var builtin: AggregateSpec.Function?
    let resolve: @Sendable (AggregateArguments) throws(EngineError) -> AggregateResolution

    /// The column name Spark generates for a call of this aggregate.
    func printedName(_ name: String, _ arguments: [Expr], isDistinct: Bool) -> String {
        if let special = printer?(arguments) { return special }
        var printed = arguments.map(\.sqlName)
        if let printedArity { printed = Array(printed.prefix(printedArity)) }
        if printed.count < arity.upperBound {
            printed += printedDefaults.suffix(arity.upperBound - printed.count)
        }
        return "\(printedAs ?? name)(\(isDistinct ? "DISTINCT " : "")\(printed.joined(separator: ", ")))"
    }
}
