import DBAPICore

/// add_months, months_between, next_day, make_date (and the field checks the make_timestamp family shares).
enum MonthFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["add_months"], .date, .int, returns: .date) { date, months throws(EngineError) in
            guard case .date(let days) = date else { return .null }
            return .date(try DatetimeArithmetic.addMonths(days, months.integer))
        },
        ScalarDeclaration(names: ["months_between"], arity: 2...3, printer: ScalarDeclaration.fillingDefaults(["true"], arity: 3)) {
            call throws(EngineError) in
            let (end, start) = (try call.argument(0, as: .timestamp), try call.argument(1, as: .timestamp))
            let roundOff: Evaluator = call.count == 3 ? try call.argument(2, as: .boolean) : { @Sendable _, _ in .bool(true) }
            return CompiledExpr(type: .double) { row, context throws(EngineError) in
                guard case .timestamp(let a) = try end(row, context), case .timestamp(let b) = try start(row, context),
                    case .bool(let round) = try roundOff(row, context)
                else { return .null }
                return .double(monthsBetween(a, b, roundOff: round))
            }
        },
        .strict(["next_day"], .date, .string, returns: .date) { date, name throws(EngineError) in
            guard case .date(let days) = date else { return .null }
            guard let target = weekday(name.text) else {
                throw EngineError.analysis("ILLEGAL_DAY_OF_WEEK", "Illegal input for day of week: \(name.text).")
            }
            let ahead = (target - CalendarMath.weekday(days) + 6) % 7 + 1
            return .date(days + Int32(ahead))
        },
        .strict(["make_date"], .int, .int, .int, returns: .date) { year, month, day throws(EngineError) in
            .date(try civilDate(Int(year.integer), Int(month.integer), Int(day.integer)))
        },
    ]

    /// Spark's months_between: whole months when the days of month match (or both are month ends), else
    /// the month difference plus the remaining time over a 31-day month, rounded to 8 digits when asked.
    private static func monthsBetween(_ end: Int64, _ start: Int64, roundOff: Bool) -> Double {
        let (d1, d2) = (CalendarMath.date(ofMicros: end), CalendarMath.date(ofMicros: start))
        let (c1, c2) = (CivilTime.civil(days: Int(d1)), CivilTime.civil(days: Int(d2)))
        let months = Double((c1.year - c2.year) * 12 + c1.month - c2.month)
        if c1.day == c2.day || (CalendarMath.lastDayOfMonth(d1) == d1 && CalendarMath.lastDayOfMonth(d2) == d2) { return months }
        let seconds1 = CalendarMath.timeOfDay(end) / 1_000_000
        let seconds2 = CalendarMath.timeOfDay(start) / 1_000_000
        let difference = Double(Int64(c1.day - c2.day) * 86_400 + seconds1 - seconds2)
        let result = months + difference / (31 * 86_400)
        return roundOff ? (result * 1e8).rounded(.toNearestOrAwayFromZero) / 1e8 : result
    }

    /// 0 (Monday) to 6 (Sunday) for a day name Spark accepts (`MO`, `MON`, `MONDAY`, any case).
    private static func weekday(_ name: String) -> Int? {
        let upper = name.uppercased()
        return DateFormat.weekdayNames.firstIndex { full in
            let word = full.uppercased()
            return upper == word || upper == String(word.prefix(3)) || upper == String(word.prefix(2))
        }
    }

    static func civilDate(_ year: Int, _ month: Int, _ day: Int) throws(EngineError) -> Int32 {
        guard (1...12).contains(month) else { throw outOfBounds("Invalid value for MonthOfYear (valid values 1 - 12): \(month)") }
        guard (1...31).contains(day) else { throw outOfBounds("Invalid value for DayOfMonth (valid values 1 - 28/31): \(day)") }
        guard let days = CivilTime.date(year: year, month: month, day: day) else {
            if month == 2, day == 29 { throw outOfBounds("Invalid date 'February 29' as '\(year)' is not a leap year") }
            throw outOfBounds("Invalid date '\(DateFormat.monthNames[month - 1].uppercased()) \(day)'")
        }
        return days
    }

    /// make_timestamp's fields (seconds may be 60 with no fraction: the next minute, as in Spark).
    static func timestamp(_ values: [Int], _ second: SQLDecimal) throws(EngineError) -> Int64 {
        let days = try civilDate(values[0], values[1], values[2])
        let (hour, minute) = (values[3], values[4])
        guard (0...23).contains(hour) else { throw outOfBounds("Invalid value for HourOfDay (valid values 0 - 23): \(hour)") }
        guard (0...59).contains(minute) else { throw outOfBounds("Invalid value for MinuteOfHour (valid values 0 - 59): \(minute)") }
        guard let micros = second.withScale(6)?.unscaled, micros >= 0, micros < 60_000_000 || micros == 60_000_000 else {
            throw outOfBounds("Invalid value for SecondOfMinute (valid values 0 - 59): \(second)")
        }
        let time = Int64(hour * 3600 + minute * 60) * CivilTime.microsPerSecond + Int64(micros)
        return try CalendarMath.adding(try DateFunctions.startOfDay(days), time)
    }

    private static func outOfBounds(_ message: String) -> EngineError {
        .analysis("DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION", message + ". ")
    }
}
