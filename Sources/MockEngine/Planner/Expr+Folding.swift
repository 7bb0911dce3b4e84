import DBAPICore

/// Constant folding: the value of an expression that reads no row, for arguments and frame
/// offsets Spark requires to be foldable (`percentile(x, 0.5)`, `ROWS CAST(1 AS INT) PRECEDING`).
extension Expr {
    /// This expression's value when it depends on no row (`0.5`, `CAST(1 AS BIGINT)`,
    /// `array(0.25, 0.75)`), given its compiled form; nil otherwise, or when evaluating it fails.
    func foldedValue(_ compiled: CompiledExpr) -> SQLValue? {
        if let constant = compiled.constant { return constant }
        guard isFoldable else { return nil }
        return try? compiled.evaluate([], ExecutionContext(now: 0))
    }

    /// Built from literals by operators, casts and scalar functions only.
    var isFoldable: Bool {
        switch self {
        case .literal: true
        case .unary(_, let operand), .cast(let operand, _, _): operand.isFoldable
        case let .binary(_, left, right): left.isFoldable && right.isFoldable
        case let .function(name, arguments, _, isStar):
            !isStar && !AggregateRegistry.isAggregate(name)
                && !["current_date", "curdate", "current_timestamp", "now", "localtimestamp", "rand", "random", "uuid"].contains(name)
                && arguments.allSatisfy(\.isFoldable)
        default: false
        }
    }
}
