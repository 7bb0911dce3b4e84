import DBAPICore

/// timestampadd(unit, n, ts) (also dateadd and date_add with three arguments, declared with date_add) and timestampdiff(unit, start, end)
/// (also datediff and date_diff with three): the parser turns the unit word into a string constant. Calendar
/// units move the wall clock (the day clamped to the month's end); `diff` counts whole units, as Java's
/// `ChronoUnit.between` does.
enum TimestampAddDiff {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["timestampadd"], arity: 3...3) {
            call throws(EngineError) in try add(call)
        },
        ScalarDeclaration(names: ["timestampdiff"], arity: 3...3) { call throws(EngineError) in try difference(call) },
    ]

    /// Spark names every three-argument form (`dateadd`, `date_add`; `datediff`, `date_diff`) after the
    /// function it is: `timestampadd(…)`, `timestampdiff(…)`. Nil (the call as written) for other arities.
    static func printed(_ function: String) -> ScalarDeclaration.Printer {
        { _, arguments in arguments.count == 3 ? "\(function)(\(arguments.joined(separator: ", ")))" : nil }
    }

    /// Function names whose first argument, in the three-argument form, is a unit word.
    static let unitFunctions: Set<String> = ["timestampadd", "dateadd", "date_add", "timestampdiff", "datediff", "date_diff"]

    enum Unit: String {
        case year = "YEAR", quarter = "QUARTER", month = "MONTH", week = "WEEK", day = "DAY", hour = "HOUR", minute = "MINUTE"
        case second = "SECOND", millisecond = "MILLISECOND", microsecond = "MICROSECOND"

        /// Microseconds per unit for the units of fixed length.
        var micros: Int64? {
            switch self {
            case .hour: 3_600_000_000
            case .minute: 60_000_000
            case .second: 1_000_000
            case .millisecond: 1_000
            case .microsecond: 1
            default: nil
            }
        }

        var months: Int64? {
            switch self {
            case .year: 12
            case .quarter: 3
            case .month: 1
            default: nil
            }
        }
    }

    private static func unit(_ call: ScalarCall) throws(EngineError) -> Unit {
        guard case .string(let text)? = call.constant(0), let unit = Unit(rawValue: text.uppercased()) else {
            throw call.mismatch(
                "\(call.name)'s unit must be one of YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND")
        }
        return unit
    }

    /// `timestampadd(unit, n, ts)`: a TIMESTAMP (a DATE is read as midnight) or TIMESTAMP_NTZ.
    static func add(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let unit = try unit(call)
        let type: SQLType = call.type(2) == .timestampNTZ ? .timestampNTZ : .timestamp
        let (count, source) = (try call.argument(1, as: .bigint), try call.argument(2, as: type))
        return CompiledExpr(type: type) { row, context throws(EngineError) in
            guard case .int(let n) = try count(row, context), let micros = try source(row, context).micros else { return .null }
            guard let moved = try? move(micros, n, unit) else {
                let shown = (micros >= 253_402_300_800_000_000 ? "+" : "") + CivilTime.formatTimestamp(micros, separator: " ", zone: "")
                throw EngineError.analysis(
                    "DATETIME_OVERFLOW", "Datetime operation overflow: add \(n)L \(unit.rawValue) to \(type) '\(shown)'.")
            }
            return type == .timestampNTZ ? .timestampNTZ(moved) : .timestamp(moved)
        }
    }

    private static func move(_ micros: Int64, _ n: Int64, _ unit: Unit) throws(EngineError) -> Int64 {
        let (delta, overflow): (Int64, Bool)
        if let months = unit.months {
            (delta, overflow) = n.multipliedReportingOverflow(by: months)
            guard !overflow else { throw EngineError.overflow("long overflow") }
            let days = try DatetimeArithmetic.addMonths(CalendarMath.date(ofMicros: micros), delta)
            return try CalendarMath.adding(try DateFunctions.startOfDay(days), CalendarMath.timeOfDay(micros))
        }
        let step = unit.micros ?? (unit == .week ? 7 * CivilTime.microsPerDay : CivilTime.microsPerDay)
        (delta, overflow) = n.multipliedReportingOverflow(by: step)
        let (sum, overflowSum) = micros.addingReportingOverflow(delta)
        guard !overflow, !overflowSum else { throw EngineError.overflow("long overflow") }
        return sum
    }

    /// `timestampdiff(unit, start, end)`: whole units from start to end, as a BIGINT.
    static func difference(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        let unit = try unit(call)
        let common = TypeCoercion.common(call.type(1), call.type(2)) == .timestampNTZ ? SQLType.timestampNTZ : .timestamp
        let (start, end) = (try call.argument(1, as: common), try call.argument(2, as: common))
        return CompiledExpr(type: .bigint) { row, context throws(EngineError) in
            guard let a = try start(row, context).micros, let b = try end(row, context).micros else { return .null }
            return .int(try between(a, b, unit))
        }
    }

    private static func between(_ start: Int64, _ end: Int64, _ unit: Unit) throws(EngineError) -> Int64 {
        let (span, overflow) = end.subtractingReportingOverflow(start)
        guard !overflow else { throw EngineError.overflow("long overflow") }
        if let micros = unit.micros { return span / micros }
        if let months = unit.months { return wholeMonths(start, end) / months }
        return span / (unit == .week ? 7 * CivilTime.microsPerDay : CivilTime.microsPerDay)
    }

    /// Complete months from `start` to `end` (a month counts once the day of month and time are reached).
    private static func wholeMonths(_ start: Int64, _ end: Int64) -> Int64 {
        let (d1, d2) = (CalendarMath.date(ofMicros: start), CalendarMath.date(ofMicros: end))
        let (c1, c2) = (CivilTime.civil(days: Int(d1)), CivilTime.civil(days: Int(d2)))
        var months = Int64((c2.year - c1.year) * 12 + c2.month - c1.month)
        let rest1 = (c1.day, CalendarMath.timeOfDay(start))
        let rest2 = (c2.day, CalendarMath.timeOfDay(end))
        if months > 0, rest2 < rest1 { months -= 1 }
        if months < 0, rest2 > rest1 { months += 1 }
        return months
    }
}
