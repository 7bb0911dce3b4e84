import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// BINARY columns in mock data: standard padded base64 text (a CSV cell, a JSONL string, an element of
/// an ARRAY<BINARY>), typed by the schema sidecar; anything else is refused with the file and line.
final class BinaryMockDataTests: XCTestCase {
    private let schema = #"{"columns": [{"name": "id", "type": "INT"}, {"name": "b", "type": "BINARY"}]}"#

    func testCSVAndJSONL_ReadBase64() throws {
        let csv = try engine(["t.csv": "id,b\n1,YWJj\n2,\n3,/w==\n4,\"\"\n", "t.schema.json": schema])
        let rows = try csv.execute("SELECT id, hex(b), length(b) FROM t ORDER BY b, id", now: 0).rows
        XCTAssertEqual(
            rows,
            [
                [.int(2), .null, .null], [.int(4), .string(""), .int(0)], [.int(1), .string("616263"), .int(3)],
                [.int(3), .string("FF"), .int(1)],
            ])
        let jsonl = try engine([
            "t.jsonl": #"{"id": 1, "a": ["AA==", null, "YQ=="]}"#,
            "t.schema.json": #"{"columns": [{"name": "id", "type": "INT"}, {"name": "a", "type": "ARRAY<BINARY>"}]}"#,
        ])
        let values = try jsonl.execute("SELECT transform(a, x -> hex(x)) FROM t", now: 0).rows
        XCTAssertEqual(values, [[.array([.string("00"), .null, .string("61")])]])
    }

    func testBadBase64_NamesFileAndLine() throws {
        let cases: [(files: [String: String], message: String)] = [
            (["t.csv": "id,b\n1,YWJ\n", "t.schema.json": schema], "mock data t.csv:2:2: value 'YWJ' is not a valid BINARY for column 'b'"),
            (
                ["t.csv": "id,b\n1,Y Q==\n", "t.schema.json": schema],
                "mock data t.csv:2:2: value 'Y Q==' is not a valid BINARY for column 'b'"
            ),
            (
                ["t.csv": "id,b\n1,YQ=a\n", "t.schema.json": schema],
                "mock data t.csv:2:2: value 'YQ=a' is not a valid BINARY for column 'b'"
            ),
            (
                ["t.jsonl": #"{"id": 1, "b": "_-8="}"#, "t.schema.json": schema],
                #"mock data t.jsonl:1: value "_-8=" of 'b' is not a valid BINARY"#
            ),
        ]
        for (files, message) in cases {
            XCTAssertThrowsError(try engine(files).execute("SELECT id FROM t", now: 0), message) { error in
                XCTAssertEqual((error as? EngineError)?.description, "[FAILED_READ_FILE.NO_HINT] \(message). SQLSTATE: KD001")
            }
        }
    }
}
