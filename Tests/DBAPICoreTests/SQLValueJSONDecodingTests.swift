import DBAPICore
import XCTest

/// The one reader of nested values from JSON, shared by mock data and the Databricks decoder.
final class SQLValueJSONDecodingTests: XCTestCase {
    func testValues_AreTypedByTheirDeclaredType() throws {
        let cases: [(json: String, type: String, expected: SQLValue?)] = [
            ("[1, null, 3]", "array<int>", .array([.int(1), .null, .int(3)])),
            (#"["1", 2]"#, "array<bigint>", .array([.int(1), .int(2)])),
            ("[3000000000]", "array<int>", nil),
            (#"{"b": 1, "a": 2}"#, "map<string, int>", .map([SQLMapEntry(.string("b"), .int(1)), SQLMapEntry(.string("a"), .int(2))])),
            (#"{"x": 1}"#, "map<int, int>", nil),
            (#"{"[1,2]": true}"#, "map<array<int>, boolean>", .map([SQLMapEntry(.array([.int(1), .int(2)]), .bool(true))])),
            (#"{"A": 1}"#, "struct<a: int, b: string>", .struct([SQLField("a", .int(1)), SQLField("b", .null)])),
            (#"{"a": 1, "A": 2}"#, "struct<a: int>", nil),
            (#"{"c": 1}"#, "struct<a: int>", nil),
            (
                #"{"t": "2024-01-01T10:00:00.000-02:00"}"#, "struct<t: timestamp>",
                .struct([SQLField("t", .timestamp(1_704_110_400_000_000))])
            ),
            (#"{"a": [1]}"#, "string", .string(#"{"a":[1]}"#)),
            ("[1]", "struct<a: int>", nil),
        ]
        for (json, typeName, expected) in cases {
            let type = try XCTUnwrap(SQLType(sparkName: typeName), typeName)
            XCTAssertEqual(SQLValue(json: try JSONParser.parse(json), as: type), expected, "\(json) as \(typeName)")
        }
    }

    func testUntypedJSON_KeepsItsShape() throws {
        XCTAssertEqual(
            SQLValue(untypedJSON: try JSONParser.parse(#"{"b": [1, 1.50, "x"], "a": null}"#)),
            .struct([SQLField("b", .array([.int(1), .decimal(SQLDecimal(unscaled: 150, scale: 2)), .string("x")])), SQLField("a", .null)]))
    }
}
