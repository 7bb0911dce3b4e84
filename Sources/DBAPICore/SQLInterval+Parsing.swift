/// Reading interval text as Spark's CAST from STRING reads it: the ANSI form
/// (`INTERVAL '1-2' YEAR TO MONTH`) or its quoted part alone (`1-2`, `3 04:05:06.5`), in the fields of
/// the target qualifier.
extension SQLInterval {
    /// Microseconds in one unit of each day-time field.
    public static func micros(per field: IntervalField) -> Int64 {
        switch field {
        case .day: 86_400_000_000
        case .hour: 3_600_000_000
        case .minute: 60_000_000
        case .second: 1_000_000
        case .year, .month: 0
        }
    }

    /// Why interval text was refused.
    public enum ParseFailure: Error, Equatable {
        /// The text does not have the qualifier's form.
        case malformed
        /// The value is beyond the type's range.
        case overflow
    }

    /// The interval `text` holds in the qualifier `start TO end`.
    ///
    /// - Throws: `ParseFailure.malformed` when the text is not in the qualifier's form,
    ///   `.overflow` when the value does not fit the interval type.
    public static func parse(_ text: String, start: IntervalField, end: IntervalField) throws(ParseFailure) -> SQLInterval {
        var body = Substring(text.trimmingSpaces())
        let upper = body.uppercased()
        if upper.hasPrefix("INTERVAL") {
            body = body.dropFirst(8).drop { $0 == " " }
            guard body.first == "'", let close = body.dropFirst().firstIndex(of: "'") else { throw .malformed }
            let written = body[body.index(after: close)...].split(separator: " ").joined(separator: " ").uppercased()
            guard written == qualifier(start, end) else { throw .malformed }
            body = body[body.index(after: body.startIndex)..<close]
        }
        return SQLInterval(amount: try amount(String(body), start: start, end: end), start: start, end: end)
    }

    /// The months or microseconds of a quoted body: `[+|-]` then the fields from `start` to `end`.
    static func amount(_ body: String, start: IntervalField, end: IntervalField) throws(ParseFailure) -> Int64 {
        var rest = Substring(body)
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        var total: Int64 = 0
        var field = start
        while true {
            let isFirst = field == start
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, isFirst || digits.count <= 2, let value = Int64(digits) else {
                throw digits.count > 18 ? .overflow : .malformed
            }
            rest = rest.dropFirst(digits.count)
            var fraction: Int64 = 0
            if field == .second, rest.first == "." {
                let fractionDigits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                guard !fractionDigits.isEmpty, fractionDigits.count <= 9 else { throw .malformed }
                let padded = String(fractionDigits.prefix(6)) + String(repeating: "0", count: max(0, 6 - fractionDigits.count))
                fraction = Int64(padded) ?? 0
                rest = rest.dropFirst(fractionDigits.count + 1)
            }
            if !isFirst, value > limit(of: field) { throw .malformed }
            let unit = field.isYearMonth ? (field == .year ? 12 : 1) : micros(per: field)
            let (scaled, overflow) = value.multipliedReportingOverflow(by: unit)
            let (sum, overflowSum) = total.addingReportingOverflow(scaled)
            let (withFraction, overflowFraction) = sum.addingReportingOverflow(fraction)
            guard !overflow, !overflowSum, !overflowFraction else { throw .overflow }
            total = withFraction
            guard field < end, let next = IntervalField(rawValue: field.rawValue + 1) else { break }
            let separator: Character = next == .month ? "-" : (next == .hour ? " " : ":")
            guard rest.first == separator else { throw .malformed }
            rest = rest.dropFirst()
            field = next
        }
        guard rest.isEmpty else { throw .malformed }
        let amount = negative ? -total : total
        if start.isYearMonth, Int32(exactly: amount) == nil { throw .overflow }
        return amount
    }

    /// The largest value a field takes after the leading one (11 months, 23 hours, 59 minutes or seconds).
    private static func limit(of field: IntervalField) -> Int64 {
        switch field {
        case .month: 11
        case .hour: 23
        default: 59
        }
    }
}
