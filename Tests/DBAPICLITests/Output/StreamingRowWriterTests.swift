import DBAPICore
import Operations
import XCTest

@testable import DBAPICLI

final class StreamingRowWriterTests: XCTestCase {
    private let columns = ["i", "s", "d", "m", "day", "ts", "b", "a", "n"]
    private let rows: [Row] = [
        [
            .int(-42), .string("a, \"b\"\n\u{1}é"), .double(2.5), .decimal(SQLDecimal(unscaled: -5, scale: 3)), .date(0),
            .timestamp(1_500_000), .bool(true), .array([.int(1), .string("x"), .null]), .null,
        ],
        [
            .int(Int64.min), .string(""), .double(.nan), .decimal(SQLDecimal(unscaled: Int128(Int64.max) * 1000 + 7, scale: 2)),
            .date(-719_162), .timestamp(-1), .bool(false), .array([]), .double(1e21),
        ],
    ]

    private func streamed(_ format: OutputFormatKind) -> String {
        var writer = StreamingRowWriter(format: format, columns: columns)
        var out: [UInt8] = []
        writer.header(columns, to: &out)
        for row in rows { writer.write(row, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    func testNDJSON_ExactText() {
        XCTAssertEqual(
            streamed(.ndjson),
            #"{"i":-42,"s":"a, \"b\"\n\u0001é","d":2.5,"m":-0.005,"day":"1970-01-01","ts":"1970-01-01T00:00:01.5Z","b":true,"a":[1,"x",null],"n":null}"#
                + "\n"
                + #"{"i":-9223372036854775808,"s":"","d":"NaN","m":92233720368547758070.07,"day":"0001-01-01","ts":"1969-12-31T23:59:59.999999Z","b":false,"a":[],"n":1e+21}"#
                + "\n")
    }

    func testCSV_ExactText() {
        XCTAssertEqual(
            streamed(.csv),
            "i,s,d,m,day,ts,b,a,n\r\n-42,\"a, \"\"b\"\"\n\u{1}é\",2.5,-0.005,1970-01-01,1970-01-01T00:00:01.5Z,true,\"[1,\"\"x\"\",null]\",\r\n"
                + "-9223372036854775808,\"\",NaN,92233720368547758070.07,0001-01-01,1969-12-31T23:59:59.999999Z,false,[],1e+21\r\n")
    }

    func testSameTextAsTheCollectedFormats() {
        let table = JSONValue.array(rows.map { row in .object(JSONObject(zip(columns, row).map { ($0, $1.json) })) })
        let envelope = Envelope.success(data: .object(JSONObject([("rows", table)])), meta: JSONObject())
        var ndjson = ""
        NDJSONFormat().write(envelope, to: &ndjson)
        XCTAssertEqual(streamed(.ndjson), ndjson)
        var csv = ""
        CSVFormat().write(envelope, to: &csv)
        XCTAssertEqual(streamed(.csv), csv)
    }

    /// A batch as a warehouse chunk arrives: canonical cells as text, the rest decoded.
    private func textBatch() throws -> (batch: TextCellBatch, rows: [Row]) {
        let texts = ["42", "plain, text", "2.5", "-0.005", "1970-01-01", "1970-01-01T00:00:01.5Z", "true"]
        let typed: [SQLValue] = [
            .int(42), .string("plain, text"), .double(2.5), .decimal(SQLDecimal(unscaled: -5, scale: 3)), .date(0),
            .timestamp(1_500_000), .bool(true),
        ]
        let decoded: [SQLValue] = [.string("a \"q\"\n"), .double(.nan), .array([.int(1)]), .timestamp(-1)]
        var bytes: [UInt8] = []
        var cells: [TextCellBatch.Cell] = []
        for text in texts {
            cells.append(.text(bytes.count..<bytes.count + text.utf8.count))
            bytes += text.utf8
        }
        cells += [.value(0), .null, .value(1), .value(2), .null, .value(3), .null]
        let lookup = Dictionary(uniqueKeysWithValues: zip(texts, typed))
        let batch = try XCTUnwrap(
            TextCellBatch(
                bytes: bytes, cells: cells, values: decoded, quotedColumns: [false, true, false, false, true, true, false],
                decode: { text, _ in lookup[String(decoding: text, as: UTF8.self)] ?? .null }))
        return (batch, [typed, [decoded[0], .null, decoded[1], decoded[2], .null, decoded[3], .null]])
    }

    func testTextCells_WrittenLikeTheirValues() throws {
        let (batch, rows) = try textBatch()
        XCTAssertEqual(batch.rows.map { $0.map(\.description) }, rows.map { $0.map(\.description) })
        let names = ["i", "s", "d", "m", "day", "ts", "b"]
        for format in [OutputFormatKind.ndjson, .csv] {
            for range in [0..<2, 0..<1, 1..<2, 0..<0, 1..<5, 3..<9] {
                var fromText = StreamingRowWriter(format: format, columns: names)
                var fromRows = StreamingRowWriter(format: format, columns: names)
                var textOut: [UInt8] = []
                var rowsOut: [UInt8] = []
                fromText.write(.text(batch), rows: range, to: &textOut)
                fromRows.write(.rows(rows), rows: range, to: &rowsOut)
                XCTAssertEqual(String(decoding: textOut, as: UTF8.self), String(decoding: rowsOut, as: UTF8.self), "\(format) \(range)")
            }
        }
        var writer = StreamingRowWriter(format: .ndjson, columns: names)
        var out: [UInt8] = []
        writer.write(.text(batch), rows: 1..<2, to: &out)
        XCTAssertEqual(
            String(decoding: out, as: UTF8.self),
            #"{"i":"a \"q\"\n","s":null,"d":"NaN","m":[1],"day":null,"ts":"1969-12-31T23:59:59.999999Z","b":null}"# + "\n")
    }
}
