import DBAPICore

/// `sum`, `avg`, `try_sum` and `try_avg` over ANSI intervals: a sum keeps its input's interval type, an average
/// is `INTERVAL YEAR TO MONTH` or `INTERVAL DAY TO SECOND`, rounded half-up to a month or a microsecond. A sum
/// beyond the type's range (months in 32 bits, microseconds in 64) is INTERVAL_ARITHMETIC_OVERFLOW, or NULL for
/// the `try_` forms.
enum IntervalAggregates {
    /// The resolution for an interval input, or nil when the input is not an interval.
    static func resolution(_ arguments: AggregateArguments, isAverage: Bool, isTry: Bool) -> AggregateResolution? {
        guard case let .interval(start, end) = arguments.types[0] else { return nil }
        let resultType: SQLType
        if isAverage {
            resultType = start.isYearMonth ? .interval(.year, .month) : .interval(.day, .second)
        } else {
            resultType = .interval(start, end)
        }
        return AggregateResolution(resultType: resultType) {
            IntervalSum(resultType: resultType, isAverage: isAverage, isTry: isTry)
        }
    }

    /// `abs` of an interval: its type kept; the most negative value (months in 32 bits, microseconds in 64) has
    /// no positive counterpart and is ARITHMETIC_OVERFLOW.
    static func absolute(_ operand: CompiledExpr) -> CompiledExpr {
        let inner = operand.evaluate
        return CompiledExpr(type: operand.type) { row, context throws(EngineError) in
            guard case .interval(let value) = try inner(row, context) else { return .null }
            let smallest = value.isYearMonth ? Int64(Int32.min) : Int64.min
            guard value.amount != smallest else { throw EngineError.overflow("overflow") }
            return .interval(SQLInterval(amount: abs(value.amount), start: value.start, end: value.end))
        }
    }

    /// INTERVAL_ARITHMETIC_OVERFLOW as a sum of intervals reports it.
    static let overflow = EngineError.analysis(
        "INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
        "Integer overflow while operating with intervals. Use `try_add` to tolerate overflow and return NULL instead.")
}

/// The running sum and count of the non-NULL interval inputs.
private struct IntervalSum: RetractableAggregateKernel {
    let resultType: SQLType
    let isAverage: Bool
    let isTry: Bool
    var count: Int64 = 0
    var sum: Int64 = 0
    var overflowed = false

    private var isYearMonth: Bool {
        if case .interval(let start, _) = resultType { return start.isYearMonth }
        return false
    }

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .interval(let value)? = arguments.first else { return }
        try accumulate(value.amount, 1)
    }

    mutating func retract(_ arguments: Row) throws(EngineError) {
        guard case .interval(let value)? = arguments.first else { return }
        try accumulate(-value.amount, -1)
    }

    private mutating func accumulate(_ amount: Int64, _ step: Int64) throws(EngineError) {
        count += step
        let (total, overflow) = sum.addingReportingOverflow(amount)
        let outOfRange = overflow || (isYearMonth && Int32(exactly: total) == nil)
        if outOfRange {
            guard isTry else { throw IntervalAggregates.overflow }
            overflowed = true
        }
        sum = total
    }

    func result() throws(EngineError) -> SQLValue {
        guard count > 0, !overflowed, case let .interval(start, end) = resultType else { return .null }
        var amount = sum
        if isAverage {
            let (quotient, remainder) = sum.quotientAndRemainder(dividingBy: count)
            amount = quotient
            if remainder.magnitude >= (UInt64(count) - remainder.magnitude) { amount += sum < 0 ? -1 : 1 }
        }
        return .interval(SQLInterval(amount: amount, start: start, end: end))
    }
}
