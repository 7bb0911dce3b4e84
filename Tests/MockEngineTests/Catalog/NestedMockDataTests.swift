import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// ARRAY, MAP and STRUCT columns in mock data: JSONL arrays and objects, CSV cells holding JSON,
/// typed by the schema sidecar or (JSONL) inferred as Spark's JSON reader infers them.
final class NestedMockDataTests: XCTestCase {
    private let schema =
        #"{"columns": [{"name": "id", "type": "int"}, {"name": "m", "type": "map<int, date>"}, {"name": "s", "type": "struct<a: decimal(4,2), `b c`: array<string>>"}]}"#

    func testJSONLinesAndCSV_ReadTheSameTypedValues() throws {
        let expected: [Row] = [
            [
                .int(1), .map([SQLMapEntry(.int(2), .date(19_724)), SQLMapEntry(.int(1), .null)]),
                .struct([SQLField("a", .decimal(SQLDecimal(unscaled: 150, scale: 2))), SQLField("b c", .array([.string("x"), .null]))]),
            ],
            [.int(2), .map([]), .struct([SQLField("a", .null), SQLField("b c", .null)])],
            [.int(3), .null, .null],
        ]
        let jsonl = try engine([
            "t.jsonl":
                #"{"id": 1, "m": {"2": "2024-01-02", "1": null}, "s": {"A": 1.5, "b c": ["x", null]}}"# + "\n"
                + #"{"id": 2, "m": {}, "s": {}}"# + "\n" + #"{"id": 3, "m": null}"# + "\n",
            "t.schema.json": schema,
        ])
        XCTAssertEqual(try jsonl.execute("SELECT * FROM t ORDER BY id", now: 0).rows, expected)
        let csv = try engine([
            "t.csv":
                "id,m,s\n1,\"{\"\"2\"\": \"\"2024-01-02\"\", \"\"1\"\": null}\",\"{\"\"a\"\": \"\"1.50\"\", \"\"b c\"\": [\"\"x\"\", null]}\"\n2,{},{}\n3,,\n",
            "t.schema.json": schema,
        ])
        let result = try csv.execute("SELECT * FROM t ORDER BY id", now: 0)
        XCTAssertEqual(result.rows, expected)
        XCTAssertEqual(result.columns.map(\.type.description), ["INT", "MAP<INT, DATE>", "STRUCT<a: DECIMAL(4,2), `b c`: ARRAY<STRING>>"])
    }

    func testJSONLinesWithoutSchema_InferStructsOfSortedKeys() throws {
        let engine = try engine([
            "t.jsonl": #"{"o": {"z": 1, "a": [{"k": true}]}}"# + "\n" + #"{"o": {"m": null, "z": 2.5}}"# + "\n"
        ])
        let result = try engine.execute("SELECT o, o.z, o.a[0].k FROM t", now: 0)
        XCTAssertEqual(
            result.columns.map(\.type.description), ["STRUCT<a: ARRAY<STRUCT<k: BOOLEAN>>, m: STRING, z: DOUBLE>", "DOUBLE", "BOOLEAN"])
        XCTAssertEqual(
            result.rows.first,
            [
                .struct([SQLField("a", .array([.struct([SQLField("k", .bool(true))])])), SQLField("m", .null), SQLField("z", .double(1))]),
                .double(1), .bool(true),
            ])
    }

    func testNestedValuesThatDoNotFit_NameFileLineAndColumn() {
        let cases: [(files: [String: String], message: String)] = [
            (
                ["t.csv": "id,m,s\n1,[1],\n", "t.schema.json": schema],
                "mock data t.csv:2:2: value '[1]' is not a valid MAP<INT, DATE> for column 'm'"
            ),
            (
                ["t.csv": "id,m,s\n1,,{oops\n", "t.schema.json": schema],
                "mock data t.csv:2:3: value '{oops' is not a valid STRUCT<a: DECIMAL(4,2), `b c`: ARRAY<STRING>> for column 's'"
            ),
            (
                ["t.jsonl": #"{"id": 1, "m": {"x": "2024-01-02"}}"# + "\n", "t.schema.json": schema],
                #"mock data t.jsonl:1: value {"x":"2024-01-02"} of 'm' is not a valid MAP<INT, DATE>"#
            ),
            (
                ["t.jsonl": #"{"id": 1, "s": {"a": 1, "d": 2}}"# + "\n", "t.schema.json": schema],
                #"mock data t.jsonl:1: value {"a":1,"d":2} of 's' is not a valid STRUCT<a: DECIMAL(4,2), `b c`: ARRAY<STRING>>"#
            ),
        ]
        for (files, message) in cases {
            XCTAssertThrowsError(try engine(files).execute("SELECT * FROM t", now: 0), message) { error in
                XCTAssertEqual((error as? EngineError)?.description, "[FAILED_READ_FILE.NO_HINT] \(message). SQLSTATE: KD001")
            }
        }
    }
}
