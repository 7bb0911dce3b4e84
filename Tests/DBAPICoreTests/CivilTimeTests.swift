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

    func testFormatTimestamp_BeforeEpoch() {
        XCTAssertEqual(CivilTime.formatTimestamp(-1), "1969-12-31T23:59:59.999999Z")
    }
}
