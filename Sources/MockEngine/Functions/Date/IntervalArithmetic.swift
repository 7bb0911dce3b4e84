import DBAPICore

/// Arithmetic on interval values: `i ± j` (one family), `i * n`, `n * i`, `i / n`, `-i`, with Spark's result
/// types (a product or quotient is `INTERVAL YEAR TO MONTH` or `INTERVAL DAY TO SECOND`) and rounding
/// (half up to a whole month or microsecond).
enum IntervalArithmetic {
    /// `i + j`, `i - j` for intervals of one family, in the qualifier spanning both.
    static func add(_ left: CompiledExpr, _ right: CompiledExpr, _ op: BinaryOperator, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        guard let type = TypeCoercion.common(left.type, right.type), case let .interval(start, end) = type else {
            throw EngineError.analysis(
                "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                "Cannot resolve \"\(expr.sqlName)\" due to data type mismatch: a year-month interval and a day-time interval "
                    + "(\"\(left.type)\" and \"\(right.type)\") cannot be added or subtracted.")
        }
        let (l, r) = (left.evaluate, right.evaluate)
        let subtract = op == .subtract
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            guard case .interval(let a) = try l(row, context), case .interval(let b) = try r(row, context) else { return .null }
            let (sum, overflow) = subtract ? a.amount.subtractingReportingOverflow(b.amount) : a.amount.addingReportingOverflow(b.amount)
            return .interval(try checked(sum, overflow: overflow, start, end))
        }
    }

    /// `i * n`, `n * i`, `i / n`: nil when neither side is an interval.
    static func scale(_ op: BinaryOperator, _ left: CompiledExpr, _ right: CompiledExpr, _ expr: Expr) throws(EngineError) -> CompiledExpr?
    {
        let leftIsInterval = isInterval(left.type)
        guard leftIsInterval || isInterval(right.type) else { return nil }
        let (interval, number) = leftIsInterval ? (left, right) : (right, left)
        guard op == .multiply || (op == .divide && leftIsInterval), number.type.isNumeric || number.type == .null, isInterval(interval.type)
        else {
            throw EngineError.incompatibleOperands(expr, left.type, right.type)
        }
        guard case let .interval(first, _) = interval.type else { return nil }
        let (start, end): (IntervalField, IntervalField) = first.isYearMonth ? (.year, .month) : (.day, .second)
        let (i, n) = (interval.evaluate, number.evaluate)
        let divide = op == .divide
        return CompiledExpr(type: .interval(start, end)) { row, context throws(EngineError) in
            guard case .interval(let value) = try i(row, context) else { return .null }
            let factor = try n(row, context)
            if factor.isNull { return .null }
            let amount = try divide ? quotient(value.amount, factor) : product(value.amount, factor)
            return .interval(try checked(amount, overflow: false, start, end))
        }
    }

    /// `-i`.
    static func negate(_ operand: CompiledExpr) -> CompiledExpr {
        let inner = operand.evaluate
        return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
            guard case .interval(let value) = try inner(row, context) else { return .null }
            guard value.amount != Int64.min else { throw EngineError.intervalOverflow }
            return .interval(try checked(-value.amount, overflow: false, value.start, value.end))
        }
    }

    static func isInterval(_ type: SQLType) -> Bool {
        if case .interval = type { return true }
        return false
    }

    private static func checked(_ amount: Int64, overflow: Bool, _ start: IntervalField, _ end: IntervalField) throws(EngineError)
        -> SQLInterval
    {
        guard !overflow, !start.isYearMonth || Int32(exactly: amount) != nil else { throw EngineError.overflow("integer overflow") }
        return SQLInterval(amount: amount, start: start, end: end)
    }

    private static func product(_ amount: Int64, _ factor: SQLValue) throws(EngineError) -> Int64 {
        switch factor {
        case .int(let number):
            let (value, overflow) = amount.multipliedReportingOverflow(by: number)
            guard !overflow else { throw EngineError.overflow("long overflow") }
            return value
        case .decimal(let number):
            return try whole(SQLDecimal(amount).multiplied(by: number))
        default:
            return try rounded(Double(amount) * (factor.asDouble ?? 0))
        }
    }

    private static func quotient(_ amount: Int64, _ divisor: SQLValue) throws(EngineError) -> Int64 {
        switch divisor {
        case .int(let number):
            guard number != 0 else { throw EngineError.intervalDividedByZero }
            return try whole(SQLDecimal(amount).divided(by: SQLDecimal(number), scale: 0))
        case .decimal(let number):
            guard number.unscaled != 0 else { throw EngineError.intervalDividedByZero }
            return try whole(SQLDecimal(amount).divided(by: number, scale: 0))
        default:
            let number = divisor.asDouble ?? 0
            guard number != 0 else { throw EngineError.intervalDividedByZero }
            return try rounded(Double(amount) / number)
        }
    }

    /// An exact result rounded half up to a whole number.
    private static func whole(_ value: SQLDecimal?) throws(EngineError) -> Int64 {
        guard let rounded = value?.rounded(places: 0), let number = Int64(exactly: rounded.unscaled) else {
            throw EngineError.overflow("long overflow")
        }
        return number
    }

    private static func rounded(_ value: Double) throws(EngineError) -> Int64 {
        let number = value.rounded(.toNearestOrAwayFromZero)
        guard number.isFinite, number >= -9.223372036854775808e18, number < 9.223372036854775808e18 else {
            throw EngineError.overflow("long overflow")
        }
        return Int64(number)
    }
}
