/// The text Spark's CAST from STRING (and DATE/TIMESTAMP literals) accept, beyond the strict ISO forms:
/// `2024`, `2024-1`, `2024-1-5`, a date followed by anything after a space or `T` (for DATE), `1:2:3` times,
/// and zones written `Z`, `UTC`, `GMT`, `±h[h][:mm]`, with or without a space before them.
extension CivilTime {
    /// Days since 1970-01-01 of Spark's date text: `[+|-]yyyy[-[m]m[-[d]d]]`, then optionally a space or `T`
    /// and anything; nil when it is not a calendar date.
    public static func parseSparkDate(_ text: String) -> Int32? {
        if let days = parseDate(text) { return days }
        var rest = Substring(text)
        guard let (year, month, day) = sparkDateFields(&rest) else { return nil }
        guard rest.isEmpty || rest.first == " " || rest.first == "T" else { return nil }
        return date(year: year, month: month, day: day)
    }

    /// Microseconds of Spark's timestamp text: a date as `parseSparkDate` reads it, then optionally `[ |T]h[h]:[m]m
    /// [:[s]s[.fraction]]` and a zone; the zone, when `applyingOffset`, moves the value to UTC (else it is checked
    /// and ignored, as a cast to TIMESTAMP_NTZ does). Nil when the text is not a timestamp.
    public static func parseSparkTimestamp(_ text: String, applyingOffset: Bool = true) -> Int64? {
        if let micros = applyingOffset ? parseTimestamp(text) : parseLocalTimestamp(text) { return micros }
        var rest = Substring(text)
        guard let (year, month, day) = sparkDateFields(&rest), let days = date(year: year, month: month, day: day),
            var micros = startOfDay(days)
        else { return nil }
        if rest.isEmpty { return micros }
        guard rest.first == " " || rest.first == "T" else { return nil }
        rest = rest.dropFirst()
        guard let hour = digits(&rest, 1...2), rest.first == ":" else { return nil }
        rest = rest.dropFirst()
        guard let minute = digits(&rest, 1...2), hour < 24, minute < 60 else { return nil }
        var second = 0
        var fraction: Int64 = 0
        if rest.first == ":" {
            rest = rest.dropFirst()
            guard let value = digits(&rest, 1...2), value < 60 else { return nil }
            second = value
            if rest.first == "." {
                rest = rest.dropFirst()
                let fractionDigits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !fractionDigits.isEmpty, fractionDigits.count <= 9 else { return nil }
                fraction = Int64(String(fractionDigits.prefix(6)) + String(repeating: "0", count: max(0, 6 - fractionDigits.count))) ?? 0
                rest = rest.dropFirst(fractionDigits.count)
            }
        }
        let (sum, overflow) = micros.addingReportingOverflow(Int64(hour * 3600 + minute * 60 + second) * microsPerSecond + fraction)
        guard !overflow else { return nil }
        micros = sum
        guard let offset = zoneOffset(rest) else { return nil }
        let (shifted, overflowShift) = micros.subtractingReportingOverflow(applyingOffset ? Int64(offset) * microsPerSecond : 0)
        return overflowShift ? nil : shifted
    }

    /// `[+|-]yyyy[y…][-[m]m[-[d]d]]` at the start of `rest`, consumed (missing month and day are 1).
    private static func sparkDateFields(_ rest: inout Substring) -> (Int, Int, Int)? {
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        guard let year = digits(&rest, 4...7) else { return nil }
        var month = 1
        var day = 1
        if rest.first == "-" {
            rest = rest.dropFirst()
            guard let value = digits(&rest, 1...2) else { return nil }
            month = value
            if rest.first == "-" {
                rest = rest.dropFirst()
                guard let value = digits(&rest, 1...2) else { return nil }
                day = value
            }
        }
        return (sign * year, month, day)
    }

    /// A run of ASCII digits whose length is in `counts`, consumed.
    private static func digits(_ rest: inout Substring, _ counts: ClosedRange<Int>) -> Int? {
        let run = rest.prefix { $0.isASCII && $0.isNumber }
        guard counts.contains(run.count), let value = Int(run) else { return nil }
        rest = rest.dropFirst(run.count)
        return value
    }

    /// Seconds east of UTC of a zone suffix (empty, `Z`, `UTC`, `GMT`, `UT`, `±h[h][:mm]`, each after optional spaces,
    /// the named ones optionally followed by an offset); nil for anything else.
    private static func zoneOffset(_ text: Substring) -> Int? {
        var rest = text.drop { $0 == " " }
        if rest.isEmpty { return 0 }
        if rest == "Z" || rest == "z" { return 0 }
        for name in ["UTC", "GMT", "UT"] where rest.uppercased().hasPrefix(name) {
            rest = rest.dropFirst(name.count)
            break
        }
        if rest.isEmpty { return 0 }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst()
        guard let hours = digits(&rest, 1...2), hours <= 18 else { return nil }
        var minutes = 0
        if rest.first == ":" { rest = rest.dropFirst() }
        if !rest.isEmpty {
            guard let value = digits(&rest, 2...2), value < 60, rest.isEmpty else { return nil }
            minutes = value
        }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
