import DBAPICore
import XCTest

/// Spark's text of interval values (`CAST(i AS STRING)`) and the text a CAST from STRING reads; each expected
/// text is PySpark 4.3.0's (see Scripts/intervals.test).
final class SQLIntervalTests: XCTestCase {
    func testDescription_IsSparksANSIForm() {
        let cases: [(Int64, IntervalField, IntervalField, String)] = [
            (14, .year, .month, "INTERVAL '1-2' YEAR TO MONTH"),
            (-14, .year, .month, "INTERVAL '-1-2' YEAR TO MONTH"),
            (12, .year, .year, "INTERVAL '1' YEAR"),
            (25, .month, .month, "INTERVAL '25' MONTH"),
            (273_906_000_000, .day, .second, "INTERVAL '3 04:05:06' DAY TO SECOND"),
            (273_906_500_000, .day, .second, "INTERVAL '3 04:05:06.5' DAY TO SECOND"),
            (259_200_000_000, .day, .day, "INTERVAL '3' DAY"),
            (7_200_000_000, .hour, .hour, "INTERVAL '02' HOUR"),
            (-5_400_000_000, .minute, .minute, "INTERVAL '-90' MINUTE"),
            (1_500_000, .second, .second, "INTERVAL '01.5' SECOND"),
            (3, .second, .second, "INTERVAL '00.000003' SECOND"),
            (-1_000_000, .day, .second, "INTERVAL '-0 00:00:01' DAY TO SECOND"),
            (93_600_000_000, .day, .hour, "INTERVAL '1 02' DAY TO HOUR"),
            (Int64.min, .day, .second, "INTERVAL '-106751991 04:00:54.775808000' DAY TO SECOND"),
        ]
        for (amount, start, end, text) in cases {
            XCTAssertEqual(SQLInterval(amount: amount, start: start, end: end).description, text)
        }
    }

    func testParse_ReadsBothFormsAndRefusesOthers() throws {
        XCTAssertEqual(try SQLInterval.parse("1-2", start: .year, end: .month).amount, 14)
        XCTAssertEqual(try SQLInterval.parse(" -1-11 ", start: .year, end: .month).amount, -23)
        XCTAssertEqual(try SQLInterval.parse("INTERVAL '3' DAY", start: .day, end: .day).amount, 259_200_000_000)
        XCTAssertEqual(try SQLInterval.parse("1 2:3:4.123456789", start: .day, end: .second).amount, 93_784_123_456)
        for (text, failure) in [
            ("x", SQLInterval.ParseFailure.malformed), ("1-12", .malformed), ("1 24", .malformed), ("9999999999-0", .overflow),
        ] {
            XCTAssertThrowsError(
                try SQLInterval.parse(text, start: text.contains("-") ? .year : .day, end: text.contains("-") ? .month : .hour)
            ) {
                XCTAssertEqual($0 as? SQLInterval.ParseFailure, failure, text)
            }
        }
        XCTAssertThrowsError(try SQLInterval.parse("INTERVAL '3' HOUR", start: .day, end: .day))
    }

    func testEquality_IgnoresTheQualifierWithinAFamily() {
        XCTAssertEqual(
            SQLValue.interval(SQLInterval(amount: 86_400_000_000, start: .day, end: .day)),
            .interval(SQLInterval(amount: 86_400_000_000, start: .hour, end: .hour)))
        XCTAssertNotEqual(
            SQLValue.interval(SQLInterval(amount: 1, start: .month, end: .month)),
            .interval(SQLInterval(amount: 1, start: .second, end: .second)))
        XCTAssertEqual(SQLType(sparkName: "interval day to second"), .interval(.day, .second))
        XCTAssertNil(SQLType(sparkName: "interval second to day"))
        XCTAssertNil(SQLType(sparkName: "interval year to day"))
    }
}
