import DBAPICore
import XCTest

@testable import Operations

final class ParamCoercionTests: XCTestCase {
    private func spec(_ json: String, name: String = "p") throws -> ParamSpec {
        var parser = ParamSpecParser(file: "test.json", operation: "op")
        let spec = parser.parse(name: name, json: try JSONParser.parse(json), line: 1)
        XCTAssertEqual(parser.issues, [], json)
        return try XCTUnwrap(spec)
    }

    func testAccepted_ValuesOfEveryType() throws {
        let cases: [(String, RawParam, SQLValue)] = [
            (#"{"type": "string"}"#, .text("héllo"), .string("héllo")),
            (#"{"type": "integer"}"#, .text("-42"), .int(-42)),
            (#"{"type": "integer"}"#, .json(.int(9_223_372_036_854_775_807)), .int(Int64.max)),
            (#"{"type": "number"}"#, .text("1.5e3"), .double(1500)),
            (#"{"type": "decimal", "precision": 6, "scale": 2}"#, .text("1234.5"), .decimal(SQLDecimal(unscaled: 123_450, scale: 2))),
            (#"{"type": "decimal"}"#, .json(.number("0.10")), .decimal(SQLDecimal(unscaled: 10, scale: 2))),
            (#"{"type": "boolean"}"#, .text("YES"), .bool(true)),
            (#"{"type": "boolean"}"#, .text("0"), .bool(false)),
            (#"{"type": "boolean"}"#, .json(.bool(true)), .bool(true)),
            (#"{"type": "date"}"#, .text("2024-02-29"), .date(19_782)),
            (#"{"type": "timestamp"}"#, .text("2024-01-01T02:00:00+02:00"), .timestamp(1_704_067_200_000_000)),
            (#"{"type": "array", "items": "integer"}"#, .text("1, 2,3"), .array([.int(1), .int(2), .int(3)])),
            (#"{"type": "array", "items": "string"}"#, .json(.array([.string("a"), .string("b")])), .array([.string("a"), .string("b")])),
            (#"{"type": "array", "items": "date"}"#, .text(#"["2024-01-01"]"#), .array([.date(19_723)])),
            (#"{"type": "identifier"}"#, .text("main.sales.orders"), .string("main.sales.orders")),
            (#"{"type": "string", "enum": ["a", "b"]}"#, .text("b"), .string("b")),
            (#"{"type": "integer", "minimum": 1, "maximum": 10}"#, .text("10"), .int(10)),
            (#"{"type": "string", "nullable": true}"#, .json(.null), .null),
            (#"{"type": "integer"}"#, .json(.null), .null),
        ]
        for (declaration, raw, expected) in cases {
            XCTAssertEqual(try spec(declaration).coerce(raw), expected, "\(declaration) \(raw)")
        }
    }

    func testRejected_ValuesNameParamExpectedAndReceived() throws {
        let cases: [(String, RawParam, String)] = [
            (#"{"type": "integer"}"#, .text("12a"), #"p must be an integer, got "12a""#),
            (#"{"type": "integer"}"#, .text("99999999999999999999"), #"p must be an integer, got "99999999999999999999""#),
            (#"{"type": "integer"}"#, .json(.number("1.5")), "p must be an integer, got 1.5"),
            (#"{"type": "integer", "minimum": 0}"#, .text("-3"), #"p must be an integer ≥ 0, got "-3""#),
            (#"{"type": "integer", "minimum": 1, "maximum": 10}"#, .text("11"), #"p must be an integer between 1 and 10, got "11""#),
            (#"{"type": "number"}"#, .text("NaN"), #"p must be a number, got "NaN""#),
            (
                #"{"type": "decimal", "precision": 4, "scale": 2}"#, .text("1.234"),
                #"p must be a decimal with at most 2 integer and 2 fractional digits, got "1.234""#
            ),
            (
                #"{"type": "decimal", "precision": 4, "scale": 2}"#, .text("123.4"),
                #"p must be a decimal with at most 2 integer and 2 fractional digits, got "123.4""#
            ),
            (#"{"type": "boolean"}"#, .text("maybe"), #"p must be a boolean (true/false, 1/0, yes/no), got "maybe""#),
            (#"{"type": "date"}"#, .text("2023-02-29"), #"p must be a date (YYYY-MM-DD), got "2023-02-29""#),
            (#"{"type": "date"}"#, .json(.int(20240101)), "p must be a date (YYYY-MM-DD), got 20240101"),
            (
                #"{"type": "timestamp"}"#, .text("2024-01-01 25:00"),
                #"p must be a timestamp (ISO 8601, e.g. 2024-01-31T10:00:00Z), got "2024-01-01 25:00""#
            ),
            (#"{"type": "string", "pattern": "^[A-Z]+$"}"#, .text("abc"), #"p must be a string matching ^[A-Z]+$, got "abc""#),
            (
                #"{"type": "string", "min_length": 2, "max_length": 3}"#, .text("abcd"),
                #"p must be a string of 2 to 3 characters, got "abcd""#
            ),
            (#"{"type": "string", "enum": ["a", "b"]}"#, .text("c"), #"p must be one of "a", "b", got "c""#),
            (#"{"type": "string"}"#, .json(.int(5)), "p must be a string, got 5"),
            (
                #"{"type": "identifier"}"#, .text("t; DROP TABLE x"),
                #"p must be an identifier (name, schema.name or catalog.schema.name), got "t; DROP TABLE x""#
            ),
            (
                #"{"type": "identifier"}"#, .text("a.b.c.d"),
                #"p must be an identifier (name, schema.name or catalog.schema.name), got "a.b.c.d""#
            ),
            (#"{"type": "array", "items": "integer"}"#, .text("1,x"), #"p[1] must be an integer, got "x""#),
            (
                #"{"type": "array", "items": "integer", "max_items": 1}"#, .text("1,2"),
                #"p must be a list of integers (JSON array, or a,b,c) of at most 1 items, got "1,2""#
            ),
            (#"{"type": "string", "required": true}"#, .json(.null), "p must not be null: expected a string"),
            (
                #"{"type": "integer"}"#, .text(String(repeating: "x", count: 100)),
                "p must be an integer, got \"" + String(repeating: "x", count: 40) + "…\""
            ),
            (#"{"type": "integer", "default": 7}"#, .json(.null), "p must not be null: expected an integer"),
        ]
        for (declaration, raw, message) in cases {
            XCTAssertThrowsError(try spec(declaration).coerce(raw), declaration) { error in
                XCTAssertEqual((error as? ParamError)?.description, message, declaration)
                XCTAssertEqual((error as? ParamError)?.code, .invalidParameter)
            }
        }
    }

    func testNumberRange_HoldsForDoublesBeyond38Digits() throws {
        let bounded = try spec(#"{"type": "number", "minimum": -100, "maximum": 100}"#)
        for text in ["1e300", "-1e300", "1.7976931348623157e308"] {
            XCTAssertThrowsError(try bounded.coerce(.text(text)), text) {
                XCTAssertEqual(($0 as? ParamError)?.description, #"p must be a number between -100 and 100, got "\#(text)""#, text)
            }
        }
        XCTAssertEqual(try bounded.coerce(.text("1e-300")), .double(1e-300))
        // A declaration with an impossible precision is refused, not kept (its description overflowed).
        var parser = ParamSpecParser(file: "f.json", operation: "op")
        let declaration = #"{"type": "decimal", "precision": 9223372036854775807, "scale": -9223372036854775808}"#
        XCTAssertNil(parser.parse(name: "p", json: try JSONParser.parse(declaration), line: 1))
    }

    func testAbsent_UsesDefaultOrFailsWhenRequired() throws {
        XCTAssertEqual(try spec(#"{"type": "integer", "default": 5}"#).coerce(nil), .int(5))
        XCTAssertEqual(try spec(#"{"type": "integer"}"#).coerce(nil), .null)
        XCTAssertThrowsError(try spec(#"{"type": "date", "required": true}"#).coerce(nil)) {
            XCTAssertEqual($0 as? ParamError, .missing(param: "p", expected: "a date (YYYY-MM-DD)"))
        }
    }

    func testDeclarationProblems_AreReported() throws {
        let cases: [(String, String)] = [
            (
                #"{"type": "int32"}"#,
                "params.p: unknown type 'int32'; expected one of string, integer, number, decimal, boolean, date, timestamp, array, identifier"
            ),
            (
                #"{"type": "array"}"#,
                "params.p: unknown type 'array' (an array needs \"items\": \"<type>\"); expected one of string, integer, number, decimal, boolean, date, timestamp, array, identifier"
            ),
            (#"{"type": "string", "pattern": "([a-z"}"#, "params.p: invalid regular expression in pattern ([a-z: missing ']' at offset 5"),
            (#"{"type": "integer", "default": "ten"}"#, #"params.p: default "ten" is not valid: p must be an integer, got "ten""#),
            (#"{"type": "string", "enum": []}"#, "params.p: enum must be a non-empty array"),
            (
                #"{"type": "decimal", "precision": 9223372036854775807, "scale": -9223372036854775808}"#,
                "params.p: decimal precision must be 1…38 and scale 0…precision"
            ),
            (#"{"type": "number", "maximum": 1e400}"#, "params.p: maximum must be a number of at most 38 digits, got 1e400"),
        ]
        for (declaration, message) in cases {
            var parser = ParamSpecParser(file: "f.json", operation: "op")
            _ = parser.parse(name: "p", json: try JSONParser.parse(declaration), line: 3)
            XCTAssertEqual(parser.issues, [ConfigIssue(file: "f.json", line: 3, operation: "op", message: message)], declaration)
        }
    }
}
