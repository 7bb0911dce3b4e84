/// A field of an ANSI interval qualifier (`YEAR TO MONTH`, `DAY TO SECOND`), in Spark's order.
public enum IntervalField: Int, Sendable, Hashable, Comparable, CaseIterable {
    case year, month, day, hour, minute, second

    /// The field's SQL keyword: `YEAR`, `SECOND`.
    public var name: String {
        switch self {
        case .year: "YEAR"
        case .month: "MONTH"
        case .day: "DAY"
        case .hour: "HOUR"
        case .minute: "MINUTE"
        case .second: "SECOND"
        }
    }

    /// Whether the field belongs to year-month intervals (YEAR, MONTH) rather than day-time ones.
    public var isYearMonth: Bool { self <= .month }

    /// The field named `keyword` (any case), or nil.
    public init?(keyword: String) {
        guard let field = Self.allCases.first(where: { $0.name == keyword.uppercased() }) else { return nil }
        self = field
    }

    public static func < (lhs: IntervalField, rhs: IntervalField) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A value of an ANSI interval type: a number of months (year-month intervals) or of microseconds
/// (day-time intervals), with the qualifier of its type so it prints as Spark prints it:
/// `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '3 04:05:06.5' DAY TO SECOND`.
///
/// Values of one family compare and hash by amount whatever their qualifier (`INTERVAL '1' DAY`
/// equals `INTERVAL '24' HOUR`).
public struct SQLInterval: Sendable, Hashable, CustomStringConvertible {
    /// Months (year-month) or microseconds (day-time).
    public let amount: Int64
    public let start: IntervalField
    public let end: IntervalField

    public init(amount: Int64, start: IntervalField, end: IntervalField) {
        self.amount = amount
        self.start = start
        self.end = end
    }

    public var isYearMonth: Bool { start.isYearMonth }

    public static func == (lhs: SQLInterval, rhs: SQLInterval) -> Bool {
        lhs.isYearMonth == rhs.isYearMonth && lhs.amount == rhs.amount
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isYearMonth)
        hasher.combine(amount)
    }

    /// The qualifier as Spark writes it: `YEAR TO MONTH`, `DAY`.
    public static func qualifier(_ start: IntervalField, _ end: IntervalField) -> String {
        start == end ? start.name : "\(start.name) TO \(end.name)"
    }

    /// Spark's ANSI form (`CAST(i AS STRING)`): `INTERVAL '-1-2' YEAR TO MONTH`, `INTERVAL '02' HOUR`.
    public var description: String {
        "INTERVAL '" + body + "' " + Self.qualifier(start, end)
    }

    /// The quoted part of `description`.
    public var body: String {
        isYearMonth ? yearMonthBody : dayTimeBody
    }

    private var yearMonthBody: String {
        let sign = amount < 0 ? "-" : ""
        let months = amount.magnitude
        if start == end { return start == .year ? sign + String(months / 12) : String(amount) }
        return sign + String(months / 12) + "-" + String(months % 12)
    }

    private var dayTimeBody: String {
        if amount == Int64.min { return "-106751991 04:00:54.775808000" }  // Spark's text for the one value it cannot negate
        var text = amount < 0 ? "-" : ""
        var rest = amount.magnitude
        let perUnit: [IntervalField: UInt64] = [.day: 86_400_000_000, .hour: 3_600_000_000, .minute: 60_000_000]
        for field in [IntervalField.day, .hour, .minute] where start <= field && field <= end {
            let unit = perUnit[field] ?? 1
            let value = rest / unit
            rest %= unit
            if field == start {
                text += field == .day ? String(value) : Self.twoDigits(value)
            } else {
                text += (field == .hour ? " " : ":") + Self.twoDigits(value)
            }
        }
        if end == .second {
            if start != .second { text += ":" }
            text += Self.seconds(rest)
        }
        return text
    }

    private static func twoDigits(_ value: UInt64) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// Seconds and their fraction (trailing zeros dropped), with at least two integer digits: `05.5`, `00`.
    private static func seconds(_ micros: UInt64) -> String {
        var text = twoDigits(micros / 1_000_000)
        var fraction = micros % 1_000_000
        guard fraction != 0 else { return text }
        var width = 6
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        let digits = String(fraction)
        text += "." + String(repeating: "0", count: width - digits.count) + digits
        return text
    }
}
