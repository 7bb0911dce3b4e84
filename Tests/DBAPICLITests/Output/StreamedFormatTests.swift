import DBAPICore
import Operations
import XCTest

@testable import DBAPICLI

/// Every format written as a stream (begin, batches, finish) gives the text the collected envelope
/// gives, for both row placements, however the rows are cut into batches.
final class StreamedFormatTests: XCTestCase {
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

    private var placement: RowPlacement { .objects(key: "rows", columns: columns) }

    /// The text of `rows` streamed through `format` in batches of `batchSize` rows.
    private func streamed(
        _ format: some OutputFormat, _ placement: RowPlacement, _ rows: [Row], batchSize: Int = 1, meta: JSONObject = JSONObject()
    ) -> String {
        var format = format
        var out: [UInt8] = []
        format.begin(placement, to: &out)
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            format.write(.batch(.rows(Array(rows[start..<min(rows.count, start + batchSize)])), 0..<batchSize), to: &out)
        }
        format.finish(meta: meta, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testNDJSON_ExactText() {
        XCTAssertEqual(
            streamed(NDJSONFormat(), placement, rows),
            #"{"i":-42,"s":"a, \"b\"\n\u0001é","d":2.5,"m":-0.005,"day":"1970-01-01","ts":"1970-01-01T00:00:01.5Z","b":true,"a":[1,"x",null],"n":null}"#
                + "\n"
                + #"{"i":-9223372036854775808,"s":"","d":"NaN","m":92233720368547758070.07,"day":"0001-01-01","ts":"1969-12-31T23:59:59.999999Z","b":false,"a":[],"n":1e+21}"#
                + "\n")
    }

    func testCSV_ExactText() {
        XCTAssertEqual(
            streamed(CSVFormat(), placement, rows),
            "i,s,d,m,day,ts,b,a,n\r\n-42,\"a, \"\"b\"\"\n\u{1}é\",2.5,-0.005,1970-01-01,1970-01-01T00:00:01.5Z,true,\"[1,\"\"x\"\",null]\",\r\n"
                + "-9223372036854775808,\"\",NaN,92233720368547758070.07,0001-01-01,1969-12-31T23:59:59.999999Z,false,[],1e+21\r\n")
    }

    func testJSON_ExactText() {
        let meta = JSONObject([("rows", .int(2))])
        XCTAssertEqual(
            streamed(JSONFormat(), .arrays(columns: [ResultColumn(name: "n", type: .bigint)]), [[.int(1)], [.null]], meta: meta),
            #"{"status":"success","data":{"columns":[{"name":"n","type":"BIGINT"}],"rows":[[1],[null]]},"meta":{"rows":2}}"# + "\n")
        XCTAssertEqual(
            streamed(JSONFormat(), .objects(key: "q", columns: ["n"]), [], meta: meta),
            #"{"status":"success","data":{"q":[]},"meta":{"rows":2}}"# + "\n")
    }

    /// Streamed and collected text agree for every format, both placements, empty results, no
    /// columns, and any batch size.
    func testStreamed_IsTheCollectedText() {
        let query = RowPlacement.arrays(columns: columns.map { ResultColumn(name: $0, type: .string) })
        let meta = JSONObject([("operation", .string("x")), ("queries", .array([.object(JSONObject([("rows", .int(2))]))]))])
        let formats: [(String, any OutputFormat)] = [
            ("json", JSONFormat()), ("pretty", JSONFormat(pretty: true)), ("ndjson", NDJSONFormat()), ("csv", CSVFormat()),
            ("table", TableFormat()),
        ]
        let cases: [(RowPlacement, [Row])] = [
            (placement, rows), (query, rows), (placement, []), (query, []), (.objects(key: "k", columns: []), [[], []]),
        ]
        for (name, format) in formats {
            for (placement, rows) in cases {
                let data = placement.data(rows: .array(rows.map { placement.json($0.map(\.json)) }))
                let columns = placement.columnNames.map { ResultColumn(name: $0, type: .string) }
                let envelope = Envelope.success(data: data, meta: meta, columns: placement.rowsAreObjects ? nil : columns)
                // An empty table has no columns to find in collected rows; the header comes from the stream.
                guard !rows.isEmpty || name == "json" || name == "pretty" else { continue }
                let collected = format.text(of: envelope)
                for batchSize in [1, 2, 5] {
                    XCTAssertEqual(
                        streamed(format, placement, rows, batchSize: batchSize, meta: meta), collected, "\(name) \(placement) \(batchSize)")
                }
            }
        }
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
        let formats: [any OutputFormat] = [NDJSONFormat(), CSVFormat(), JSONFormat(), JSONFormat(pretty: true), TableFormat()]
        for format in formats {
            for range in [0..<2, 0..<1, 1..<2, 0..<0, 1..<5, 3..<9] {
                func text(_ batch: RowBatch) -> String {
                    var format = format
                    var out: [UInt8] = []
                    format.begin(.objects(key: "r", columns: names), to: &out)
                    format.write(.batch(batch, range), to: &out)
                    format.finish(meta: JSONObject(), to: &out)
                    return String(decoding: out, as: UTF8.self)
                }
                XCTAssertEqual(text(.text(batch)), text(.rows(rows)), "\(format) \(range)")
            }
        }
        var ndjson = NDJSONFormat()
        var out: [UInt8] = []
        ndjson.begin(.objects(key: "r", columns: names), to: &out)
        ndjson.write(.batch(.text(batch), 1..<2), to: &out)
        XCTAssertEqual(
            String(decoding: out, as: UTF8.self),
            #"{"i":"a \"q\"\n","s":null,"d":"NaN","m":[1],"day":null,"ts":"1969-12-31T23:59:59.999999Z","b":null}"# + "\n")
    }
}
