import DBAPICore

/// date_trunc(unit, timestamp) → TIMESTAMP and trunc(date, unit) → DATE: the start of the year, quarter, month,
/// week (Monday), day, hour, minute, second or millisecond holding the value. A unit Spark does not know
/// gives NULL, as in Spark.
enum TruncationFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["date_trunc"], .string, .timestamp, returns: .timestamp) { unit, value throws(EngineError) in
            guard case .timestamp(let micros) = value, let unit = Unit(unit.text, dateOnly: false) else { return .null }
            return .timestamp(try truncate(micros, to: unit))
        },
        .strict(["trunc"], .date, .string, returns: .date) { value, unit throws(EngineError) in
            guard case .date(let days) = value, let unit = Unit(unit.text, dateOnly: true) else { return .null }
            return .date(CalendarMath.date(ofMicros: try truncate(try DateFunctions.startOfDay(days), to: unit)))
        },
    ]

    private enum Unit {
        case year, quarter, month, week, day, hour, minute, second, millisecond, microsecond

        init?(_ text: String, dateOnly: Bool) {
            let units: [String: Unit] = [
                "YEAR": .year, "YYYY": .year, "YY": .year, "QUARTER": .quarter, "MONTH": .month, "MM": .month, "MON": .month,
                "WEEK": .week,
            ]
            let timeUnits: [String: Unit] = [
                "DAY": .day, "DD": .day, "HOUR": .hour, "MINUTE": .minute, "SECOND": .second, "MILLISECOND": .millisecond,
                "MICROSECOND": .microsecond,
            ]
            let upper = text.uppercased()
            guard let unit = units[upper] ?? (dateOnly ? nil : timeUnits[upper]) else { return nil }
            self = unit
        }
    }

    private static func truncate(_ micros: Int64, to unit: Unit) throws(EngineError) -> Int64 {
        let days = CalendarMath.date(ofMicros: micros)
        let civil = CivilTime.civil(days: Int(days))
        let start: Int32
        switch unit {
        case .year: start = Int32(clamping: CivilTime.days(year: civil.year, month: 1, day: 1))
        case .quarter: start = Int32(clamping: CivilTime.days(year: civil.year, month: (civil.month - 1) / 3 * 3 + 1, day: 1))
        case .month: start = Int32(clamping: CivilTime.days(year: civil.year, month: civil.month, day: 1))
        case .week: start = days - Int32(CalendarMath.weekday(days))
        case .day: start = days
        default:
            let step: Int64 =
                unit == .hour
                ? 3_600_000_000 : (unit == .minute ? 60_000_000 : (unit == .second ? 1_000_000 : (unit == .millisecond ? 1_000 : 1)))
            return micros - CivilTime.floorDivide(micros, step).1
        }
        return try DateFunctions.startOfDay(start)
    }
}
