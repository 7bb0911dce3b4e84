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

    private func streamed(_ format: Invocation.Format) -> String {
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
                + #"{"i":-9223372036854775808,"s":"","d":null,"m":92233720368547758070.07,"day":"0001-01-01","ts":"1969-12-31T23:59:59.999999Z","b":false,"a":[],"n":1e+21}"#
                + "\n")
    }

    func testCSV_ExactText() {
        XCTAssertEqual(
            streamed(.csv),
            "i,s,d,m,day,ts,b,a,n\r\n-42,\"a, \"\"b\"\"\n\u{1}é\",2.5,-0.005,1970-01-01,1970-01-01T00:00:01.5Z,true,\"[1,\"\"x\"\",null]\",\r\n"
                + "-9223372036854775808,,,92233720368547758070.07,0001-01-01,1969-12-31T23:59:59.999999Z,false,[],1e+21\r\n")
    }

    func testSameTextAsTheCollectedFormats() {
        let table = JSONValue.array(
            rows.map { row in .object(JSONObject(zip(columns, row).map { ($0, $1.json) })) })
        let envelope = Envelope.success(data: .object(JSONObject([("rows", table)])), meta: JSONObject())
        var ndjson = ""
        NDJSONFormat().write(envelope, to: &ndjson)
        XCTAssertEqual(streamed(.ndjson), ndjson)
        var csv = ""
        CSVFormat().write(envelope, to: &csv)
        XCTAssertEqual(streamed(.csv), csv)
    }
}
