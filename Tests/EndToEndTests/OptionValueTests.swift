import DBAPICore
import DBAPITestSupport
import XCTest

/// Numeric option values through the binary: out-of-range values are usage errors, never a crash.
final class OptionValueTests: XCTestCase {
    func testTimeout_OnlyFinitePositiveSecondsUpToSevenDays() throws {
        let expected = "a number of seconds greater than 0 and at most 604800 (7 days)"
        for value in ["inf", "-inf", "nan", "1e300", "18446744074", "604800.001", "0", "-1", "abc", ""] {
            let outcome = try runDBAPI(["query", "SELECT 1 AS one", "--timeout", value])
            let message = "--timeout must be \(expected), got '\(value)'"
            XCTAssertEqual(outcome.status, 64, value)
            XCTAssertEqual(outcome.json?["error"]?["code"], .string("USAGE_ERROR"), value)
            XCTAssertEqual(outcome.json?["error"]?["message"], .string(message), value)
            XCTAssertTrue(outcome.stderr.hasPrefix("Error: \(message)\nUsage: dbapi query"), "\(value): \(outcome.stderr)")
        }
        for value in ["604800", "0.5", "1e2"] {
            let outcome = try runDBAPI(["query", "SELECT 1 AS one", "--timeout", value])
            XCTAssertEqual(outcome.status, 0, "\(value): \(outcome.stderr)")
            XCTAssertEqual(outcome.json?["data"]?["rows"], .array([.array([.int(1)])]), value)
        }
    }

    func testOtherNumericOptions_RefuseValuesOutOfRange() throws {
        let cases: [(String, String, String)] = [
            ("--wait-timeout", "9223372036854775808", "0 or a whole number of seconds from 5 to 50"),
            ("--wait-timeout", "nan", "0 or a whole number of seconds from 5 to 50"),
            ("--wait-timeout", "4", "0 or a whole number of seconds from 5 to 50"),
            ("--row-limit", "9223372036854775808", "a positive whole number"),
            ("--row-limit", "-9223372036854775808", "a positive whole number"),
            ("--row-limit", "inf", "a positive whole number"),
        ]
        for (option, value, expected) in cases {
            let outcome = try runDBAPI(["query", "SELECT 1 AS one", option, value])
            XCTAssertEqual(outcome.status, 64, "\(option) \(value)")
            XCTAssertEqual(
                outcome.json?["error"]?["message"], .string("\(option) must be \(expected), got '\(value)'"), "\(option) \(value)")
        }
    }
}
