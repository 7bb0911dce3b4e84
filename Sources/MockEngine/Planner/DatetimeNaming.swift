import DBAPICore

/// How Spark names `+` and `-` on dates and timestamps, after its analyzer has rewritten them
/// (recorded from PySpark 4.3.0; `datetime_naming.test`):
/// - a DATE and a number: `d + n` and `n + d` are `date_add(d, n)`, `d - n` is `date_sub(d, n)`;
/// - a DATE and an `INTERVAL DAY`: `date_add(d, extractansiintervaldays(i))`, and for `d - i`
///   `date_add(d, (- extractansiintervaldays(i)))`;
/// - a DATE or timestamp and any other interval (a timestamp and any interval): `d + i`, `d - i`
///   without parentheses, the datetime first also when the interval is written first.
enum DatetimeNaming {
    /// What the rewrite needs to know of an operand's type.
    enum Kind: Equatable {
        case date, timestamp, dayInterval, yearMonthInterval, dayTimeInterval, other, unknown

        init(_ type: SQLType) {
            switch type {
            case .date: self = .date
            case .timestamp, .timestampNTZ: self = .timestamp
            case .interval(.day, .day): self = .dayInterval
            case .interval(let start, _): self = start.isYearMonth ? .yearMonthInterval : .dayTimeInterval
            default: self = .other
            }
        }

        var isInterval: Bool { self == .dayInterval || self == .yearMonthInterval || self == .dayTimeInterval }
    }

    /// The form Spark names `left op right` by and the kind of its result, or nil when Spark keeps
    /// the operator as written.
    static func form(_ op: BinaryOperator, _ left: (expr: Expr, kind: Kind), _ right: (expr: Expr, kind: Kind)) -> (expr: Expr, kind: Kind)?
    {
        guard op == .add || op == .subtract else { return nil }
        if let (name, isSwapped) = DateArithmetic.function(op, leftIsDate: left.kind == .date, rightIsDate: right.kind == .date),
            !left.kind.isInterval, !right.kind.isInterval, left.kind != .timestamp, right.kind != .timestamp
        {
            return (call(name, isSwapped ? [right.expr, left.expr] : [left.expr, right.expr]), .date)
        }
        let (datetime, interval) = left.kind.isInterval && op == .add ? (right, left) : (left, right)
        guard datetime.kind == .date || datetime.kind == .timestamp, interval.kind.isInterval else { return nil }
        if datetime.kind == .date, interval.kind == .dayInterval {
            let days = call("extractansiintervaldays", [interval.expr])
            return (call("date_add", [datetime.expr, op == .add ? days : .unary(.negate, days)]), .date)
        }
        let yieldsDate = datetime.kind == .date && interval.kind == .yearMonthInterval
        return (call(op.rawValue, [datetime.expr, interval.expr]), yieldsDate ? .date : .timestamp)
    }

    /// The name Spark prints for the bare `d + i` form `form` makes (nil for other calls).
    static func printed(_ name: String, _ arguments: [String]) -> String? {
        guard name == "+" || name == "-", arguments.count == 2 else { return nil }
        return "\(arguments[0]) \(name) \(arguments[1])"
    }

    private static func call(_ name: String, _ arguments: [Expr]) -> Expr {
        .function(name: name, arguments: arguments, isDistinct: false, isStar: false)
    }
}
