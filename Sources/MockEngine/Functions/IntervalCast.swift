import DBAPICore

/// CASTs to and from ANSI interval types, as Spark's: STRING both ways (Cast reads and writes the text),
/// between intervals of one family (the value truncated to the target's last field), and between a
/// single-field interval and an integral number of its units (`CAST(INTERVAL '3' DAY AS BIGINT)` is 3).
enum IntervalCast {
    static func isSupported(from source: SQLType, to target: SQLType) -> Bool {
        switch (source, target) {
        case let (.interval(a, _), .interval(b, _)): return a.isYearMonth == b.isYearMonth
        case let (.interval(start, end), _) where target.isIntegral: return start == end
        case let (_, .interval(start, end)) where source.isIntegral: return start == end
        default: return false
        }
    }

    /// Interval text (the ANSI form or its quoted part) as an interval of the qualifier `start TO end`.
    static func parse(_ text: String, _ start: IntervalField, _ end: IntervalField, _ type: SQLType) throws(EngineError) -> SQLInterval {
        do {
            return try SQLInterval.parse(text, start: start, end: end)
        } catch {
            throw error == .overflow ? EngineError.intervalOverflow : EngineError.invalidInterval(text, type)
        }
    }

    static func value(_ value: SQLValue, from source: SQLType, to target: SQLType) throws(EngineError) -> SQLValue {
        switch (value, target) {
        case let (.interval(interval), .interval(start, end)):
            return .interval(SQLInterval(amount: truncated(interval.amount, to: end), start: start, end: end))
        case let (.interval(interval), _):
            let units = interval.amount / unit(of: interval.start)
            guard target.integralRange?.contains(units) == true else {
                throw EngineError.castOverflow(value: interval.description, from: source, to: target)
            }
            return .int(units)
        case let (.int(number), .interval(start, end)):
            let (amount, overflow) = number.multipliedReportingOverflow(by: unit(of: start))
            guard !overflow, !start.isYearMonth || Int32(exactly: amount) != nil else { throw EngineError.intervalOverflow }
            return .interval(SQLInterval(amount: amount, start: start, end: end))
        default:
            throw EngineError.typeMismatch(expression: "CAST(\(value) AS \(target))", message: "cannot cast \(source) to \(target)")
        }
    }

    /// Months or microseconds in one unit of `field`.
    static func unit(of field: IntervalField) -> Int64 {
        switch field {
        case .year: 12
        case .month: 1
        default: SQLInterval.micros(per: field)
        }
    }

    /// `amount` without the parts finer than `field` (truncated toward zero, as Spark's cast does).
    static func truncated(_ amount: Int64, to field: IntervalField) -> Int64 {
        let step = unit(of: field)
        return amount - amount % step
    }
}
