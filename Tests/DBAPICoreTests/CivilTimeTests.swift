import XCTest

@testable import DBAPICore

final class CivilTimeTests: XCTestCase {
    func testParseDate_RealCalendarOnly() {
        let cases: [(String, String?)] = [
            ("2024-02-29", "2024-02-29"), ("2023-02-29", nil), ("2024-13-01", nil), ("2024-04-31", nil), ("1970-01-01", "1970-01-01"),
            ("1969-12-31", "1969-12-31"), ("2024-1-01", nil), ("20240101", nil), ("2000-02-29", "2000-02-29"), ("1900-02-29", nil),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CivilTime.parseDate(input).map(CivilTime.formatDate), expected, input)
        }
    }

    func testParseTimestamp_NormalisesOffsetsToUTC() {
        let cases: [(String, String?)] = [
            ("2024-01-31T10:00:00Z", "2024-01-31T10:00:00Z"),
            ("2024-01-31 10:00:00", "2024-01-31T10:00:00Z"),
            ("2024-01-31T10:00:00+02:00", "2024-01-31T08:00:00Z"),
            ("2024-01-31T01:30:00-0530", "2024-01-31T07:00:00Z"),
            ("2024-01-31T10:00:00.123456Z", "2024-01-31T10:00:00.123456Z"),
            ("2024-01-31T10:00:00.5", "2024-01-31T10:00:00.5Z"),
            ("2024-01-31T10:00", "2024-01-31T10:00:00Z"),
            ("2024-01-31", "2024-01-31T00:00:00Z"),
            ("2024-01-31T24:00:00Z", nil), ("2024-01-31T10:00:00+2", nil), ("2024-01-31T10:00:00.1234567890Z", nil), ("yesterday", nil),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(CivilTime.parseTimestamp(input).map { CivilTime.formatTimestamp($0) }, expected, input)
        }
    }

    func testDate_ChecksCalendarAndDateRange() {
        let cases: [(year: Int, month: Int, day: Int, expected: Int32?)] = [
            (1970, 1, 1, 0), (2024, 2, 29, 19_782), (2023, 2, 29, nil), (2024, 0, 1, nil), (2024, 4, 31, nil),
            (5_881_580, 7, 11, Int32.max), (5_881_580, 7, 12, nil), (-5_877_641, 6, 23, Int32.min), (-5_877_641, 6, 22, nil),
            (999_999_999_999_999_999, 1, 1, nil), (Int.min, 1, 1, nil), (Int.max, 12, 31, nil),
        ]
        for (year, month, day, expected) in cases {
            XCTAssertEqual(CivilTime.date(year: year, month: month, day: day), expected, "\(year)-\(month)-\(day)")
        }
    }

    func testStartOfDay_NilBeyondTimestampRange() {
        XCTAssertEqual(CivilTime.startOfDay(1), 86_400_000_000)
        XCTAssertEqual(CivilTime.startOfDay(-1), -86_400_000_000)
        XCTAssertEqual(CivilTime.startOfDay(106_751_991), 106_751_991 * 86_400_000_000)  // 294247-01-10
        XCTAssertNil(CivilTime.startOfDay(106_751_992))
        XCTAssertEqual(CivilTime.startOfDay(-106_751_991), -106_751_991 * 86_400_000_000)
        XCTAssertNil(CivilTime.startOfDay(-106_751_992))
        XCTAssertNil(CivilTime.startOfDay(Int32.max))
        XCTAssertNil(CivilTime.startOfDay(Int32.min))
    }

    func testFormatTimestamp_BeforeEpoch() {
        XCTAssertEqual(CivilTime.formatTimestamp(-1), "1969-12-31T23:59:59.999999Z")
    }
}
