import DBAPICore

/// The window stage of a SELECT: each input row comes out with one more column per window call.
/// Calls that share PARTITION BY and ORDER BY form one group, and each group sorts the input once.
struct WindowPlan: Sendable {
    var groups: [WindowGroup]
    /// How many columns the stage appends (one per call, across groups).
    var width: Int
}

/// Window calls over the same partitioning and ordering.
struct WindowGroup: Sendable {
    var partitionKeys: [Evaluator]
    var orderKeys: [SortKey]
    var functions: [WindowFunction]
    /// The partition keys' expressions and each function as Spark prints it without its window
    /// (`rank()`, `sum(x)`), for the plan's description.
    var partitionNames: [String]
    var functionNames: [String]
}

/// One compiled window call.
struct WindowFunction: Sendable {
    enum Kind: Sendable {
        case rowNumber, rank, denseRank, percentRank, cumeDist
        case ntile(Int64)
        /// `lag(x, n)` is offset -n, `lead(x, n)` offset n; the second argument is the default.
        case offset(Int64)
        case firstValue, lastValue
        case nthValue(Int64)
        case aggregate(AggregateSpec)
    }

    var kind: Kind
    /// The value argument (and for lag/lead the default), compiled against the stage's input.
    var arguments: [Evaluator]
    var ignoresNulls: Bool
    var frame: FrameSpec
    /// The position of the result among the appended columns.
    var output: Int
}

/// A frame with its offsets folded to constants: rows `start…end` around the current row.
struct FrameSpec: Sendable, Equatable {
    enum Edge: Sendable, Equatable {
        case unboundedPreceding
        case unboundedFollowing
        case currentRow
        /// ROWS: this many rows after the current one (negative: before).
        case rows(Int)
        /// RANGE: rows whose order value is within `value` of the current one, before or after.
        case range(SQLValue, isPreceding: Bool)
    }

    var isRange: Bool
    var start: Edge
    var end: Edge

    /// The whole partition, whatever the order.
    static let partition = FrameSpec(isRange: false, start: .unboundedPreceding, end: .unboundedFollowing)
    /// Spark's default with ORDER BY: from the partition start to the current row's last peer.
    static let toCurrentPeers = FrameSpec(isRange: true, start: .unboundedPreceding, end: .currentRow)
    /// The frame ranking functions require.
    static let toCurrentRow = FrameSpec(isRange: false, start: .unboundedPreceding, end: .currentRow)
}
