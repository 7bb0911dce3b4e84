import XCTest

@testable import DBAPICore

final class JSONParserTests: XCTestCase {
    func testObjects_KeepKeyOrderAndLines() throws {
        let value = try JSONParser.parse("{\n  \"b\": 1,\n  \"a\": [true, null]\n}")
        let object = try XCTUnwrap(value.object)
        XCTAssertEqual(object.keys, ["b", "a"])
        XCTAssertEqual(object.line(of: "a"), 3)
        XCTAssertEqual(value["a"], .array([.bool(true), .null]))
    }

    func testNumbers_StayExact() throws {
        XCTAssertEqual(try JSONParser.parse("9007199254740993"), .int(9_007_199_254_740_993))
        XCTAssertEqual(try JSONParser.parse("123456789012345678901234567890"), .number("123456789012345678901234567890"))
        XCTAssertEqual(try JSONParser.parse("-0.10"), .number("-0.10"))
    }

    func testStrings_DecodeEscapes() throws {
        XCTAssertEqual(try JSONParser.parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#), .string("a\"b\\c\né😀"))
    }

    func testErrors_CarryLineAndColumn() {
        let cases: [(String, String, Int, Int)] = [
            ("{\"a\": }", "unexpected character '}'", 1, 7),
            ("[1,\n 2,,]", "unexpected character ','", 2, 4),
            ("{\"a\": 1} x", "unexpected text after the JSON value", 1, 10),
            ("\"abc", "unterminated string", 1, 5),
            ("01", "invalid number: leading zero", 1, 1),
            ("\"\\ud800\"", "unpaired surrogate in \\u escape", 1, 8),
        ]
        for (input, message, line, column) in cases {
            XCTAssertThrowsError(try JSONParser.parse(input), input) { error in
                XCTAssertEqual(
                    error as? JSONParser.SyntaxError, JSONParser.SyntaxError(message: message, line: line, column: column), input)
            }
        }
    }

    func testDuplicateKeys_AreReportedWithPathAndBothLines() throws {
        let text = """
            {"a": 1,
             "b": [{"x": 1, "y": 2, "x": 3}],
             "a": {"c": true, "c": false, "c": null}}
            """
        let (value, duplicates) = try JSONParser.parseReportingDuplicateKeys(bytes: Array(text.utf8))
        XCTAssertEqual(
            duplicates,
            [
                JSONDuplicateKey(path: ["b", "[0]"], key: "x", firstLine: 2, line: 2, column: 25),
                JSONDuplicateKey(path: [], key: "a", firstLine: 1, line: 3, column: 2),
                JSONDuplicateKey(path: ["a"], key: "c", firstLine: 3, line: 3, column: 19),
                JSONDuplicateKey(path: ["a"], key: "c", firstLine: 3, line: 3, column: 31),
            ])
        XCTAssertEqual(duplicates.map(\.description).first, #"duplicate key "x" in b[0] at lines 2 and 2"#)
        XCTAssertEqual(value, try JSONParser.parse(text), "the later value wins, as without reporting")
        XCTAssertEqual(value.object?.line(of: "a"), 3, "the line of the value kept")
    }

    func testDeepNesting_IsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(deep)) { error in
            XCTAssertEqual((error as? JSONParser.SyntaxError)?.message, "JSON nested deeper than 512 levels")
        }
    }

    func testWriter_EscapesAndRoundTrips() throws {
        let value = JSONValue.object(
            JSONObject([("s", .string("q\"\\\n\u{01}é")), ("n", .number("1.50")), ("d", .double(2)), ("x", .double(.nan))]))
        let text = JSONWriter().string(value)
        XCTAssertEqual(text, #"{"s":"q\"\\\n\u0001é","n":1.50,"d":2.0,"x":"NaN"}"#)
        XCTAssertEqual(try JSONParser.parse(text)["s"], .string("q\"\\\n\u{01}é"))
    }

    func testFormatDouble_NonFiniteAsDatabricksStrings() {
        let cases: [(Double, String)] = [
            (.nan, #""NaN""#), (.infinity, #""Infinity""#), (-.infinity, #""-Infinity""#), (-0.0, "-0.0"), (0, "0.0"),
            (2, "2.0"), (-2.5, "-2.5"), (1e21, "1e+21"),
        ]
        for (number, expected) in cases {
            XCTAssertEqual(JSONWriter.formatDouble(number), expected, "\(number)")
        }
    }
}
