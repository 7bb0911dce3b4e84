import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

final class MockCatalogTests: XCTestCase {
    func testCSV_QuotingNullsAndInference() throws {
        let engine = try engine([
            "t.csv":
                "\u{FEFF}id,name,amount,day,flag\r\n1,\"a, \"\"quoted\"\"\nline\",1.5,2024-01-02,true\r\n2,,,,false\r\n3,\"\",2,2024-01-03,\n"
        ])
        let result = try engine.execute("SELECT * FROM t ORDER BY id", now: 0)
        XCTAssertEqual(
            result.columns,
            [
                ResultColumn(name: "id", type: .int), ResultColumn(name: "name", type: .string),
                ResultColumn(name: "amount", type: .double),
                ResultColumn(name: "day", type: .date), ResultColumn(name: "flag", type: .boolean),
            ])
        XCTAssertEqual(result.rows[0], [.int(1), .string("a, \"quoted\"\nline"), .double(1.5), .date(19_724), .bool(true)])
        XCTAssertEqual(result.rows[1], [.int(2), .null, .null, .null, .bool(false)])
        XCTAssertEqual(result.rows[2][1], .string(""))
    }

    func testSchemaSidecar_CoercesValuesExactly() throws {
        let engine = try engine([
            "main.shop.items.csv": "big,price,at\n9007199254740993,12.345,2024-01-31T10:00:00+01:00\n",
            "main.shop.items.schema.json":
                #"{"columns": [{"name": "big", "type": "bigint"}, {"name": "price", "type": "DECIMAL(10,2)"}, {"name": "at", "type": "Timestamp"}]}"#,
        ])
        let result = try engine.execute("SELECT big + 1, price, at FROM shop.items", now: 0)
        XCTAssertEqual(
            result.rows, [[.int(9_007_199_254_740_994), .decimal(SQLDecimal(unscaled: 1235, scale: 2)), .timestamp(1_706_691_600_000_000)]])
    }

    func testJSONLines_ColumnsSortedAndTyped() throws {
        let engine = try engine(["events.jsonl": "{\"z\": 1, \"a\": \"x\"}\n\n{\"a\": null, \"z\": 2.5, \"tags\": [1, 2]}\n"])
        let result = try engine.execute("SELECT * FROM events", now: 0)
        XCTAssertEqual(result.columns.map(\.name), ["a", "tags", "z"])
        XCTAssertEqual(result.columns.map(\.type), [.string, .array(.bigint), .double])
        XCTAssertEqual(result.rows[1], [.null, .array([.int(1), .int(2)]), .double(2.5)])
    }

    func testJSONLines_KeysMatchSchemaColumnsIgnoringCase() throws {
        let engine = try engine([
            "t.jsonl": "{\"id\": 1, \"Name\": \"x\"}\n{\"ID\": 2}\n",
            "t.schema.json": #"{"columns": [{"name": "id", "type": "int"}, {"name": "name", "type": "string"}]}"#,
        ])
        XCTAssertEqual(try engine.execute("SELECT * FROM t", now: 0).rows, [[.int(1), .string("x")], [.int(2), .null]])
    }

    func testBadRows_NameFileLineAndColumn() throws {
        let cases: [(files: [String: String], message: String)] = [
            (["t.csv": "a,b\n1,2\n3\n"], "mock data t.csv:3: expected 2 fields as in the header, found 1"),
            (["t.csv": "a,b\n1,\"open\n"], "mock data t.csv:2: unterminated quoted field"),
            (
                ["t.csv": "a\nx\n", "t.schema.json": #"{"columns": [{"name": "a", "type": "int"}]}"#],
                "mock data t.csv:2:1: value 'x' is not a valid INT for column 'a'"
            ),
            (
                ["t.csv": "a\n1\n", "t.schema.json": #"{"columns": [{"name": "a", "type": "integer32"}]}"#],
                "mock data t.schema.json:1: column 'a' has unknown type 'integer32'"
            ),
            (["t.jsonl": "{\"a\": 1}\n{\"a\": }\n"], "mock data t.jsonl:2:7: unexpected character '}'"),
            (["t.jsonl": "[1]\n"], "mock data t.jsonl:1:1: each line must be a JSON object"),
            (["t.csv": "a,a\n1,2\n"], "mock data t.csv:1:2: duplicate column name 'a'"),
            (["t.csv": ""], "mock data t.csv:1: the file is empty: a header row is required"),
            (
                ["t.jsonl": "{\"a\": 1, \"A\": 2}\n{\"a\": 3}\n"],
                "mock data t.jsonl:1: keys 'a' and 'A' name the same column (column names are case-insensitive)"
            ),
            (
                ["t.jsonl": "{\"a\": 1}\n\n{\"A\": 3}\n"],
                "mock data t.jsonl:3: key 'A' names the same column as key 'a' on line 1 (column names are case-insensitive)"
            ),
            (
                ["t.jsonl": "{\"x\": 1}\n{\"X\": 2, \"x\": 3}\n", "t.schema.json": #"{"columns": [{"name": "x", "type": "int"}]}"#],
                "mock data t.jsonl:2: keys 'X' and 'x' name the same column (column names are case-insensitive)"
            ),
        ]
        for (files, message) in cases {
            XCTAssertThrowsError(try engine(files).execute("SELECT * FROM t", now: 0), message) { error in
                XCTAssertEqual((error as? EngineError)?.description, "[FAILED_READ_FILE.NO_HINT] \(message). SQLSTATE: KD001")
                XCTAssertEqual((error as? EngineError)?.code, .configuration)
            }
        }
    }

    func testCSV_EdgeValues() throws {
        let bigint = #"{"columns": [{"name": "x", "type": "BIGINT"}]}"#
        let engine = try engine([
            "s.csv": "x\n-9223372036854775808\n9223372036854775807\n", "s.schema.json": bigint,
            "n.csv": "x\n-9223372036854775808\n1\n",
            "one.csv": "x\n1\n\n3\n", "crlf.csv": "x\r\n\r\n\"\"\r\n2\r\n", "two.csv": "a,b\n\n1,2\n\n3,4\n",
            "hex.csv": "h\n0x1p3\n0x10\n",
        ])
        XCTAssertEqual(try engine.execute("SELECT * FROM s", now: 0).rows, [[.int(Int64.min)], [.int(Int64.max)]])
        let inferred = try engine.execute("SELECT * FROM n", now: 0)
        XCTAssertEqual(inferred.columns, [ResultColumn(name: "x", type: .bigint)])
        XCTAssertEqual(inferred.rows, [[.int(Int64.min)], [.int(1)]])
        XCTAssertEqual(try engine.execute("SELECT * FROM one", now: 0).rows, [[.int(1)], [.null], [.int(3)]])
        XCTAssertEqual(try engine.execute("SELECT * FROM crlf", now: 0).rows, [[.null], [.string("")], [.string("2")]])
        XCTAssertEqual(try engine.execute("SELECT * FROM two", now: 0).rows, [[.int(1), .int(2)], [.int(3), .int(4)]])
        let hex = try engine.execute("SELECT * FROM hex", now: 0)
        XCTAssertEqual(hex.columns, [ResultColumn(name: "h", type: .string)])
        XCTAssertEqual(hex.rows, [[.string("0x1p3")], [.string("0x10")]])
    }

    func testCSV_OutOfRangeAndHexadecimalValuesAreRefused() throws {
        let cases: [(files: [String: String], message: String)] = [
            (
                ["t.csv": "x\n-9223372036854775809\n", "t.schema.json": #"{"columns": [{"name": "x", "type": "BIGINT"}]}"#],
                "mock data t.csv:2:1: value '-9223372036854775809' is not a valid BIGINT for column 'x'"
            ),
            (
                ["t.csv": "x\n1.5\n0x1p3\n", "t.schema.json": #"{"columns": [{"name": "x", "type": "DOUBLE"}]}"#],
                "mock data t.csv:3:1: value '0x1p3' is not a valid DOUBLE for column 'x'"
            ),
            (
                ["t.jsonl": "{\"x\": \"0x10\"}\n", "t.schema.json": #"{"columns": [{"name": "x", "type": "DOUBLE"}]}"#],
                "mock data t.jsonl:1: value \"0x10\" of 'x' is not a valid DOUBLE"
            ),
        ]
        for (files, message) in cases {
            XCTAssertThrowsError(try engine(files).execute("SELECT * FROM t", now: 0), message) { error in
                XCTAssertEqual((error as? EngineError)?.description, "[FAILED_READ_FILE.NO_HINT] \(message). SQLSTATE: KD001")
            }
        }
    }

    func testInvalidUTF8_NamesFileLineAndColumn() throws {
        let int = Array(#"{"columns": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}"#.utf8)
        let cases: [(files: [String: [UInt8]], message: String)] = [
            (["t.csv": Array("v\ncaf".utf8) + [0xE9] + Array("\n".utf8)], "mock data t.csv:2:1: invalid UTF-8 (byte 0xE9)"),
            (["t.csv": Array("a,b\n1,\"x\ny".utf8) + [0xFF] + Array("\"\n".utf8)], "mock data t.csv:3:2: invalid UTF-8 (byte 0xFF)"),
            (["t.csv": Array("a,".utf8) + [0xC0, 0x80] + Array("\n1,2\n".utf8)], "mock data t.csv:1:2: invalid UTF-8 (byte 0xC0)"),
            (
                ["t.csv": Array("a,b\n1,".utf8) + [0xED, 0xA0, 0x80], "t.schema.json": int],
                "mock data t.csv:2:2: invalid UTF-8 (byte 0xED)"
            ),
            (
                ["t.jsonl": Array("{\"a\": 1}\n{\"a\": \"caf".utf8) + [0xE9] + Array("\"}\n".utf8)],
                "mock data t.jsonl:2:11: invalid UTF-8 (byte 0xE9)"
            ),
            (
                ["t.csv": Array("a,b\n1,x\n".utf8), "t.schema.json": Array(#"{"columns": [{"name": "a", "#.utf8) + [0x80]],
                "mock data t.schema.json:1:28: invalid UTF-8 (byte 0x80)"
            ),
        ]
        for (files, message) in cases {
            let directory = TemporaryDirectory()
            for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: directory.path + "/" + name)) }
            let engine = SQLEngine(catalog: try MockCatalog(directory: directory.path))
            XCTAssertThrowsError(try engine.execute("SELECT * FROM t", now: 0), message) { error in
                XCTAssertEqual((error as? EngineError)?.description, "[FAILED_READ_FILE.NO_HINT] \(message). SQLSTATE: KD001")
                XCTAssertEqual((error as? EngineError)?.code, .configuration)
            }
        }
        let directory = TemporaryDirectory()
        try Data("v\ncafé 😀\n".utf8).write(to: URL(fileURLWithPath: directory.path + "/t.csv"))
        let rows = try SQLEngine(catalog: try MockCatalog(directory: directory.path)).execute("SELECT * FROM t", now: 0).rows
        XCTAssertEqual(rows, [[.string("café 😀")]])
    }

    func testTables_LoadOnlyWhenUsed() throws {
        let engine = try engine(["good.csv": "a\n1\n", "broken.csv": "a,b\n1\n"])
        XCTAssertEqual(try engine.execute("SELECT a FROM good", now: 0).rows, [[.int(1)]])
    }
}
