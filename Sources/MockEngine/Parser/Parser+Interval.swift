import DBAPICore
import SQLText

extension Parser {
    /// Whether the tokens at the cursor start an INTERVAL literal (`INTERVAL '…'`, `INTERVAL 3 …`, `INTERVAL -3 …`).
    var startsIntervalLiteral: Bool {
        guard current.isWord(.interval) else { return false }
        let next = peek(1)
        if next.isSymbol("-") || next.isSymbol("+") { return Self.isLiteralValue(peek(2)) }
        return Self.isLiteralValue(next)
    }

    private static func isLiteralValue(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .number: true
        default: false
        }
    }

    /// interval := INTERVAL (value qualifier | value unit {value unit} | string)
    ///
    /// value := ['-' | '+'] (number | string); qualifier := field [TO field]; unit := a field, WEEK,
    /// MILLISECOND or MICROSECOND, singular or plural. An ANSI year-month or day-time interval whose
    /// qualifier spans the units written (`INTERVAL 1 DAY 2 HOURS` is `INTERVAL '1 02' DAY TO HOUR`).
    mutating func parseIntervalLiteral() throws(EngineError) -> Expr {
        let token = current
        advance()
        var parts: [(value: String, unit: String)] = []
        while parts.isEmpty || nextIsIntervalPart, let value = intervalValue() {
            guard case .word(let unit) = current.kind, IntervalUnit(unit) != nil || IntervalField(keyword: unit) != nil else {
                guard parts.isEmpty, case .string = tokens[position - 1].kind else { throw unexpected("an interval unit") }
                return try Self.intervalLiteral(words: value, token, source)
            }
            advance()
            if parts.isEmpty, IntervalField(keyword: unit) != nil, consumeWord(.to) {
                guard case .word(let last) = current.kind, let start = IntervalField(keyword: unit), let end = IntervalField(keyword: last),
                    start < end, start.isYearMonth == end.isYearMonth
                else { throw unexpected("an interval field after TO") }
                advance()
                return try Self.qualified(value, start, end, token, source)
            }
            parts.append((value, unit))
        }
        if parts.count == 1, let field = IntervalField(keyword: parts[0].unit) {
            return try Self.qualified(parts[0].value, field, field, token, source)
        }
        return try Self.multiUnit(parts, token, source)
    }

    /// Whether another `value unit` pair of a multi-unit literal follows (`INTERVAL 1 DAY 2 HOURS`, not `INTERVAL 1 DAY + 1`).
    private var nextIsIntervalPart: Bool {
        let signed = current.isSymbol("-") || current.isSymbol("+")
        guard Self.isLiteralValue(peek(signed ? 1 : 0)), case .word(let unit) = peek(signed ? 2 : 1).kind else { return false }
        return IntervalUnit(unit) != nil
    }

    /// A signed number or string value of an interval literal, consumed; nil when there is none.
    private mutating func intervalValue() -> String? {
        var sign = ""
        if current.isSymbol("-") || current.isSymbol("+"), Self.isLiteralValue(peek(1)) {
            sign = current.isSymbol("-") ? "-" : ""
            advance()
        }
        switch current.kind {
        case .number(let text), .string(let text):
            advance()
            return sign + text
        default:
            return nil
        }
    }

    /// `INTERVAL 'body' start [TO end]`: the body read in the qualifier's fields.
    private static func qualified(_ body: String, _ start: IntervalField, _ end: IntervalField, _ token: Token, _ sql: String)
        throws(EngineError) -> Expr
    {
        do {
            let interval = try SQLInterval.parse(body, start: start, end: end)
            return .literal(.interval(interval), .interval(start, end))
        } catch {
            throw error == .overflow ? EngineError.intervalOverflow : invalidInterval(body, token, sql)
        }
    }

    /// `INTERVAL '1 year 2 months'`: the units written inside the string.
    private static func intervalLiteral(words text: String, _ token: Token, _ sql: String) throws(EngineError) -> Expr {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty, words.count % 2 == 0 else { throw invalidInterval(text, token, sql) }
        let parts = stride(from: 0, to: words.count, by: 2).map { (value: words[$0], unit: words[$0 + 1]) }
        return try multiUnit(parts, token, sql)
    }

    /// `INTERVAL 1 DAY 2 HOURS`: the sum of the parts, qualified from the largest unit to the smallest.
    private static func multiUnit(_ parts: [(value: String, unit: String)], _ token: Token, _ sql: String) throws(EngineError) -> Expr {
        var total: Int64 = 0
        var fields: [IntervalField] = []
        let written = "INTERVAL " + parts.map { "\($0.value) \($0.unit)" }.joined(separator: " ")
        for part in parts {
            guard let unit = IntervalUnit(part.unit) else { throw invalidInterval(written, token, sql) }
            guard let amount = try unit.amount(of: part.value) else {
                guard SQLDecimal(string: part.value) != nil else { throw invalidInterval(written, token, sql) }
                throw EngineError.analysis(
                    "INVALID_INTERVAL_FORMAT.INVALID_FRACTION",
                    "Error parsing '\(written)' to interval. \(part.unit.lowercased()) cannot have fractional part.")
            }
            let (sum, overflow) = total.addingReportingOverflow(amount)
            guard !overflow else { throw EngineError.intervalOverflow }
            total = sum
            fields.append(unit.field)
        }
        guard let start = fields.min(), let end = fields.max() else { throw invalidInterval(written, token, sql) }
        guard start.isYearMonth == end.isYearMonth else {
            throw EngineError.classified(
                errorClass: "_LEGACY_ERROR_TEMP_0029", sqlState: "", message: "Cannot mix year-month and day-time fields: \(written).")
        }
        if start.isYearMonth, Int32(exactly: total) == nil { throw EngineError.intervalOverflow }
        // A value is kept in the qualifier's fields: `INTERVAL 1 DAY 25 HOURS` is `INTERVAL '2 01' DAY TO HOUR`.
        return .literal(.interval(SQLInterval(amount: total, start: start, end: end)), .interval(start, end))
    }

    private static func invalidInterval(_ text: String, _ token: Token, _ sql: String) -> EngineError {
        .syntax(
            "Error parsing '\(text)' to interval", line: token.line, column: token.column, sql: sql,
            errorClass: "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING")
    }
}

/// A unit of a multi-unit interval literal: a qualifier field, or WEEK, MILLISECOND, MICROSECOND.
private struct IntervalUnit {
    let field: IntervalField
    /// Months or microseconds per unit.
    let scale: Int64

    init?(_ word: String) {
        var name = word.uppercased()
        if name.hasSuffix("S") { name.removeLast() }
        switch name {
        case "YEAR": (field, scale) = (.year, 12)
        case "MONTH": (field, scale) = (.month, 1)
        case "WEEK": (field, scale) = (.day, 7 * 86_400_000_000)
        case "DAY": (field, scale) = (.day, 86_400_000_000)
        case "HOUR": (field, scale) = (.hour, 3_600_000_000)
        case "MINUTE": (field, scale) = (.minute, 60_000_000)
        case "SECOND": (field, scale) = (.second, 1_000_000)
        case "MILLISECOND": (field, scale) = (.second, 1_000)
        case "MICROSECOND": (field, scale) = (.second, 1)
        default: return nil
        }
    }

    /// `value` units in months or microseconds; nil when it is not a number (a fraction is allowed in
    /// seconds only, as in Spark).
    ///
    /// - Throws: `intervalOverflow` when the amount does not fit.
    func amount(of value: String) throws(EngineError) -> Int64? {
        if let whole = Int64(value) {
            let (amount, overflow) = whole.multipliedReportingOverflow(by: scale)
            guard !overflow else { throw EngineError.intervalOverflow }
            return amount
        }
        guard scale == 1_000_000 else { return nil }
        do {
            return try SQLInterval.parse(value, start: .second, end: .second).amount
        } catch {
            if error == .overflow { throw EngineError.intervalOverflow }
            return nil
        }
    }
}
