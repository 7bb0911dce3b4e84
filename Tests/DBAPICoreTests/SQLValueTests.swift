import XCTest

@testable import DBAPICore

final class SQLValueTests: XCTestCase {
    func testStringEquality_ComparesCodePoints() {
        XCTAssertNotEqual(SQLValue.string("é"), SQLValue.string("e\u{301}"))
        XCTAssertEqual(Set([SQLValue.string("é"), .string("e\u{301}")]).count, 2)
        XCTAssertEqual(SQLValue.double(.nan), SQLValue.double(.nan))
        XCTAssertEqual(SQLValue.double(0.0), SQLValue.double(-0.0))
        XCTAssertEqual(Set([SQLValue.double(0.0), .double(-0.0)]).count, 1)
    }

    func testSparkDouble_FollowsJava() {
        let cases: [(Double, String)] = [
            (1, "1.0"), (0.1, "0.1"), (1e7, "1.0E7"), (1.5e10, "1.5E10"), (0.001, "0.001"), (0.0001, "1.0E-4"),
            (-2.5, "-2.5"), (123456.789, "123456.789"), (.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
        ]
        for (input, expected) in cases { XCTAssertEqual(SQLValue.sparkDouble(input), expected, "\(input)") }
    }

    func testParse_TypedText() {
        XCTAssertEqual(SQLValue.parse("42", as: .int), .int(42))
        XCTAssertNil(SQLValue.parse("3000000000", as: .int))
        XCTAssertEqual(SQLValue.parse("3000000000", as: .bigint), .int(3_000_000_000))
        XCTAssertEqual(SQLValue.parse("1.005", as: .decimal(precision: 5, scale: 2)), .decimal(SQLDecimal(unscaled: 101, scale: 2)))
        XCTAssertNil(SQLValue.parse("1000.00", as: .decimal(precision: 5, scale: 2)))
        XCTAssertEqual(SQLValue.parse("yes", as: .boolean), .bool(true))
        XCTAssertEqual(SQLValue.parse("2024-01-31 23:00:00", as: .date), SQLValue.parse("2024-01-31", as: .date))
        XCTAssertNil(SQLValue.parse("1,5", as: .double))
    }

    func testParseDouble_DecimalNotationAndSpecialValuesOnly() {
        let cases: [(String, Double?)] = [
            ("1.5", 1.5), ("-1.5e3", -1500), ("+2", 2), (".5", 0.5), ("1E-2", 0.01), ("NaN", .nan), ("-Infinity", -.infinity),
            ("inf", .infinity), ("0x1p3", nil), ("0X10", nil), ("0x1.8p1", nil), ("1.5e", nil), ("1_0", nil), (" 1", nil), ("", nil),
        ]
        for (text, expected) in cases {
            let parsed = SQLValue.parseDouble(text)
            XCTAssertEqual(parsed.map { $0.isNaN ? "NaN" : "\($0)" }, expected.map { $0.isNaN ? "NaN" : "\($0)" }, text)
            let bytes = Array(text.utf8)
            let fromBytes = bytes.withUnsafeBufferPointer { SQLValue.parseDouble(utf8: $0) }
            XCTAssertEqual(fromBytes.map { $0.isNaN ? "NaN" : "\($0)" }, expected.map { $0.isNaN ? "NaN" : "\($0)" }, text)
        }
    }

    func testSQLTypeNames_ParseAnyCase() {
        let cases: [(String, SQLType?)] = [
            ("int", .int), ("INTEGER", .int), ("bigint", .bigint), ("Decimal(10, 2)", .decimal(precision: 10, scale: 2)),
            ("decimal", .decimal(precision: 10, scale: 0)), ("varchar(20)", .string), ("array<date>", .array(.date)),
            ("timestamp_ntz", .timestampNTZ), ("TIMESTAMP_LTZ", .timestamp), ("decimal(39,0)", nil), ("decimal(5,6)", nil),
            ("map<string,int>", .map(key: .string, value: .int)), ("map<string>", nil), ("", nil),
        ]
        for (input, expected) in cases { XCTAssertEqual(SQLType(sparkName: input), expected, input) }
    }
}
