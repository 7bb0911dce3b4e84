import DBAPICore
import XCTest

/// Spark's lenient date and timestamp text (CAST from STRING, DATE/TIMESTAMP literals); the literal forms are
/// verified by PySpark 4.3.0 in Scripts/literals.test.
final class CivilTimeSparkTests: XCTestCase {
    func testParseSparkDate_AcceptsSparksShortForms() {
        let cases: [(String, (Int, Int, Int)?)] = [
            ("2024-01-05", (2024, 1, 5)), ("2024-1-5", (2024, 1, 5)), ("2024-01", (2024, 1, 1)), ("2024", (2024, 1, 1)),
            ("2024-01-15 10:00:00", (2024, 1, 15)), ("2024-01-15T10", (2024, 1, 15)), ("-0044-03-15", (-44, 3, 15)),
            ("24-01-01", nil), ("2024-13-01", nil), ("2023-02-29", nil), ("2024-01-15x", nil), ("", nil), ("2024-", nil),
        ]
        for (text, fields) in cases {
            XCTAssertEqual(CivilTime.parseSparkDate(text), fields.flatMap { CivilTime.date(year: $0.0, month: $0.1, day: $0.2) }, text)
        }
    }

    func testParseSparkTimestamp_AcceptsShortTimesAndZones() {
        let day = Int64(CivilTime.days(year: 2024, month: 1, day: 15)) * CivilTime.microsPerDay
        let hour = 3_600_000_000 as Int64
        let cases: [(String, Int64?)] = [
            ("2024-01-15 10:00:00 UTC", day + 10 * hour), ("2024-1-15 1:2:3", day + hour + 123_000_000),
            ("2024-01-15T10:00:00 +02:00", day + 8 * hour), ("2024-01-15 10:00 GMT-1", day + 11 * hour), ("2024-01-15", day),
            ("2024-01-15 10:00:00.5Z", day + 10 * hour + 500_000), ("2024-01-15 25:00", nil), ("2024-01-15 10", nil),
            ("2024-01-15 10:00 +19:00", nil), ("2024-01-15 10:00 Mars/Base", nil),
        ]
        for (text, micros) in cases { XCTAssertEqual(CivilTime.parseSparkTimestamp(text), micros, text) }
        XCTAssertEqual(CivilTime.parseSparkTimestamp("2024-01-15 10:00 +02:00", applyingOffset: false), day + 10 * hour)
    }
}
