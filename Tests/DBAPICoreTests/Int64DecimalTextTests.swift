import XCTest

@testable import DBAPICore

final class Int64DecimalTextTests: XCTestCase {
    func testDecimalUTF8() {
        let cases: [(String, Int64?)] = [
            ("0", 0), ("42", 42), ("+42", 42), ("-42", -42), ("007", 7), ("-0", 0),
            ("000000000000000000000000000001", 1), ("9223372036854775807", .max), ("-9223372036854775808", .min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil), ("", nil), ("-", nil), ("+", nil),
            ("1.0", nil), ("1e3", nil), (" 1", nil), ("1 ", nil), ("--1", nil), ("0x10", nil), ("١", nil),
        ]
        for (text, expected) in cases {
            var text = text
            XCTAssertEqual(text.withUTF8 { Int64(decimalUTF8: $0) }, expected, text)
        }
    }
}
