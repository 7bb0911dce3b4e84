import DBAPICore

/// Calendar facts of a DATE (days since 1970-01-01) that Spark's date functions read.
enum CalendarMath {
    /// 1 (Sunday) to 7 (Saturday), as `dayofweek`.
    static func dayOfWeek(_ days: Int32) -> Int { Int(CivilTime.floorDivide(Int64(days) + 4, 7).1) + 1 }

    /// 0 (Monday) to 6 (Sunday), as `weekday`.
    static func weekday(_ days: Int32) -> Int { Int(CivilTime.floorDivide(Int64(days) + 3, 7).1) }

    /// 1 to 366.
    static func dayOfYear(_ days: Int32) -> Int {
        let year = CivilTime.civil(days: Int(days)).year
        return Int(days) - CivilTime.days(year: year, month: 1, day: 1) + 1
    }

    /// The ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday).
    static func isoWeek(_ days: Int32) -> Int {
        let thursday = Int(days) - weekday(days) + 3
        let year = CivilTime.civil(days: thursday).year
        return (thursday - CivilTime.days(year: year, month: 1, day: 1)) / 7 + 1
    }

    /// 1 to 4.
    static func quarter(_ days: Int32) -> Int { (CivilTime.civil(days: Int(days)).month - 1) / 3 + 1 }

    /// The last day of the month of `days`.
    static func lastDayOfMonth(_ days: Int32) -> Int32 {
        let civil = CivilTime.civil(days: Int(days))
        return days + Int32(CivilTime.daysIn(month: civil.month, year: civil.year) - civil.day)
    }

    /// The DATE of TIMESTAMP microseconds (UTC).
    static func date(ofMicros micros: Int64) -> Int32 { Int32(clamping: CivilTime.floorDivide(micros, CivilTime.microsPerDay).0) }

    /// `micros + delta` as TIMESTAMP microseconds; beyond TIMESTAMP's range is Spark's `long overflow`.
    static func adding(_ micros: Int64, _ delta: Int64) throws(EngineError) -> Int64 {
        let (sum, overflow) = micros.addingReportingOverflow(delta)
        guard !overflow else { throw EngineError.overflow("long overflow") }
        return sum
    }

    /// Microseconds since midnight of TIMESTAMP microseconds.
    static func timeOfDay(_ micros: Int64) -> Int64 { CivilTime.floorDivide(micros, CivilTime.microsPerDay).1 }
}
