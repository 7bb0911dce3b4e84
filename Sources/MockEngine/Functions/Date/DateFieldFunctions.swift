import DBAPICore

/// dayofweek, weekday, dayofyear, weekofyear, quarter, last_day, unix_date, date_from_unix_date (on DATEs) and
/// hour, minute, second (on TIMESTAMPs).
enum DateFieldFunctions {
    static let declarations: [ScalarDeclaration] = [
        dateField(["dayofweek"]) { CalendarMath.dayOfWeek($0) },
        dateField(["weekday"]) { CalendarMath.weekday($0) },
        dateField(["dayofyear"]) { CalendarMath.dayOfYear($0) },
        dateField(["weekofyear"]) { CalendarMath.isoWeek($0) },
        dateField(["quarter"]) { CalendarMath.quarter($0) },
        dateField(["unix_date"]) { Int($0) },
        timeField(["hour"]) { $0 / 3_600_000_000 },
        timeField(["minute"]) { $0 / 60_000_000 % 60 },
        timeField(["second"]) { $0 / 1_000_000 % 60 },
        .strict(["last_day"], .date, returns: .date) { value in
            guard case .date(let days) = value else { return .null }
            return .date(CalendarMath.lastDayOfMonth(days))
        },
        .strict(["date_from_unix_date"], .int, returns: .date) { value in .date(Int32(truncatingIfNeeded: value.integer)) },
    ]

    /// An INT read from a DATE (a TIMESTAMP or STRING argument is cast to DATE).
    private static func dateField(_ names: [String], _ part: @escaping @Sendable (Int32) -> Int) -> ScalarDeclaration {
        .strict(names, .date, returns: .int) { value in
            guard case .date(let days) = value else { return .null }
            return .int(Int64(part(days)))
        }
    }

    /// An INT read from the time of day of a TIMESTAMP (microseconds since midnight).
    private static func timeField(_ names: [String], _ part: @escaping @Sendable (Int64) -> Int64) -> ScalarDeclaration {
        .strict(names, .timestamp, returns: .int) { value in
            guard case .timestamp(let micros) = value else { return .null }
            return .int(part(CalendarMath.timeOfDay(micros)))
        }
    }
}
