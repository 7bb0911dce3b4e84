import XCTest

@testable import DBAPICore

final class SQLDecimalTests: XCTestCase {
    func testParsing_AcceptsAndRejects() {
        let cases: [(String, String?)] = [
            ("12.50", "12.50"), ("-0.5", "-0.5"), ("+7", "7"), ("1e3", "1000"), ("1.5E-2", "0.015"), (".5", "0.5"),
            ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
            ("123456789012345678901234567890123456789", nil), ("abc", nil), ("", nil), ("1.2.3", nil), ("-", nil),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(SQLDecimal(string: input)?.description, expected, input)
        }
    }

    func testArithmetic_IsExact() throws {
        let a = try XCTUnwrap(SQLDecimal(string: "0.1"))
        let b = try XCTUnwrap(SQLDecimal(string: "0.2"))
        XCTAssertEqual(a.adding(b)?.description, "0.3")
        XCTAssertEqual(a.subtracting(b)?.description, "-0.1")
        XCTAssertEqual(a.multiplied(by: b)?.description, "0.02")
        XCTAssertEqual(SQLDecimal(10).divided(by: SQLDecimal(3), scale: 6)?.description, "3.333333")
        XCTAssertEqual(SQLDecimal(2).divided(by: SQLDecimal(3), scale: 2)?.description, "0.67")
        XCTAssertEqual(SQLDecimal(-2).divided(by: SQLDecimal(3), scale: 2)?.description, "-0.67")
        XCTAssertNil(SQLDecimal(1).divided(by: SQLDecimal(0), scale: 2))
        XCTAssertEqual(SQLDecimal(string: "-7.5")?.remainder(dividingBy: SQLDecimal(2))?.description, "-1.5")
    }

    func testRounding_HalfUpAwayFromZero() throws {
        let cases: [(String, Int, String)] = [
            ("2.5", 0, "3"), ("-2.5", 0, "-3"), ("1.2345", 2, "1.23"), ("1.235", 2, "1.24"), ("125", -1, "130"),
        ]
        for (input, places, expected) in cases {
            XCTAssertEqual(try XCTUnwrap(SQLDecimal(string: input)).rounded(places: places)?.description, expected, input)
        }
    }

    /// Every rounding mode at a tie, above and below it, on both signs, and left of the point.
    func testRoundingModes() throws {
        let inputs = ["2.5", "-2.5", "3.5", "2.51", "-2.49", "2.0", "125"]
        let cases: [(RoundingMode, places: Int, [String])] = [
            (.halfUp, 0, ["3", "-3", "4", "3", "-2", "2", "125"]),
            (.halfEven, 0, ["2", "-2", "4", "3", "-2", "2", "125"]),
            (.ceiling, 0, ["3", "-2", "4", "3", "-2", "2", "125"]),
            (.floor, 0, ["2", "-3", "3", "2", "-3", "2", "125"]),
            (.towardZero, 0, ["2", "-2", "3", "2", "-2", "2", "125"]),
            (.halfEven, -1, ["0", "0", "0", "0", "0", "0", "120"]),
            (.ceiling, -1, ["10", "0", "10", "10", "0", "10", "130"]),
        ]
        for (mode, places, expected) in cases {
            let rounded = try inputs.map { try XCTUnwrap(SQLDecimal(string: $0)).rounded(places: places, mode)?.description ?? "nil" }
            XCTAssertEqual(rounded, expected, "\(mode) \(places)")
        }
    }

    func testOverflow_ReturnsNil() throws {
        let big = try XCTUnwrap(SQLDecimal(string: "99999999999999999999999999999999999999"))
        XCTAssertNil(big.multiplied(by: big))
        XCTAssertNil(big.withScale(5))
        XCTAssertNil(big.fitted(precision: 10, scale: 0))
    }

    func testInt128Bounds_AreOverflowNeverATrapOrA39DigitParse() throws {
        let half = try XCTUnwrap(SQLDecimal(string: "-85070591730234615865843651857942052864"))  // Int128.min / 2
        XCTAssertNil(half.adding(half))
        XCTAssertNil(half.multiplied(by: SQLDecimal(2)))
        XCTAssertNil(half.subtracting(half.negated))
        XCTAssertEqual(half.negated.description, "85070591730234615865843651857942052864")
        let minimum = SQLDecimal(unscaled: .min, scale: 0)  // only reachable through the raw initializer
        XCTAssertNil(minimum.divided(by: SQLDecimal(-1), scale: 0))
        XCTAssertNil(minimum.remainder(dividingBy: SQLDecimal(-1)))
        XCTAssertEqual(minimum.negated.unscaled, .min)
        let cases: [(String, String?)] = [
            ("1e38", nil), ("-1e38", nil), ("9.9e37", "99000000000000000000000000000000000000"),
            ("1e37", "10000000000000000000000000000000000000"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(SQLDecimal(string: input)?.description, expected, input)
        }
    }

    func testEqualityAndHashing_IgnoreScale() throws {
        let a = try XCTUnwrap(SQLDecimal(string: "1.50"))
        let b = try XCTUnwrap(SQLDecimal(string: "1.5"))
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertEqual(a.description, "1.50")
    }
}

final class SQLDecimalBytesTests: XCTestCase {
    func testDescriptionBytes_AllMagnitudes() {
        let cases: [(Int128, Int, String)] = [
            (0, 0, "0"), (0, 2, "0.00"), (5, 3, "0.005"), (-5, 3, "-0.005"), (1250, 2, "12.50"), (-1250, 2, "-12.50"),
            (Int128(UInt64.max), 0, "18446744073709551615"), (Int128(UInt64.max) + 1, 1, "1844674407370955161.6"),
            (Int128("-99999999999999999999999999999999999999") ?? 0, 38, "-0.99999999999999999999999999999999999999"),
        ]
        for (unscaled, scale, expected) in cases {
            var bytes: [UInt8] = Array("x".utf8)
            SQLDecimal(unscaled: unscaled, scale: scale).appendDescription(to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x" + expected)
        }
    }

    func testParsingBytes_ExponentsAndLimits() {
        let cases: [(String, String?)] = [
            ("1.5e+2", "150"), ("-2E-3", "-0.002"), ("1e76", nil), ("1e", nil), ("1e1000", nil), ("e5", nil),
            ("1e-38", "0.00000000000000000000000000000000000001"),
        ]
        for (input, expected) in cases {
            var text = input
            XCTAssertEqual(text.withUTF8 { SQLDecimal(utf8: $0) }?.description, expected, input)
        }
    }
}
