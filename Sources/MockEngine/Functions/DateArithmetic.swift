import DBAPICore

/// `+` and `-` of a DATE and a number, as Spark's analyzer rewrites them: `d + n` and `n + d` are
/// `date_add(d, n)`, `d - n` is `date_sub(d, n)` (so typed, checked and named as those calls). Every other
/// date, timestamp and interval operation is `DatetimeArithmetic`'s.
enum DateArithmetic {
    /// The date function `left op right` stands for, and whether its DATE is the right operand.
    static func function(_ op: BinaryOperator, leftIsDate: Bool, rightIsDate: Bool) -> (name: String, isSwapped: Bool)? {
        switch op {
        case .add where leftIsDate != rightIsDate: ("date_add", rightIsDate)
        case .subtract where leftIsDate && !rightIsDate: ("date_sub", false)
        default: nil
        }
    }

    /// `left op right` when it is date arithmetic, else nil (numbers go on to `Arithmetic`).
    static func compile(
        _ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, leftExpr: Expr, rightExpr: Expr, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr? {
        guard op == .add || op == .subtract, left.type.isNumeric || right.type.isNumeric else { return nil }
        guard let (name, isSwapped) = function(op, leftIsDate: left.type == .date, rightIsDate: right.type == .date) else { return nil }
        let (date, days) = isSwapped ? (right, left) : (left, right)
        let arguments = isSwapped ? [rightExpr, leftExpr] : [leftExpr, rightExpr]
        return try ScalarRegistry.compile(
            name, [date, days], .function(name: name, arguments: arguments, isDistinct: false, isStar: false))
    }
}
