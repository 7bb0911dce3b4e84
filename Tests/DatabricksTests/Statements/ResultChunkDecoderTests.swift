import DBAPICore
import XCTest

@testable import Databricks

final class ResultChunkDecoderTests: XCTestCase {
    private let decoder = ResultChunkDecoder(columns: [
        ("id", "LONG", "BIGINT"), ("name", "STRING", "STRING"), ("amount", "DECIMAL", "DECIMAL(10,2)"), ("day", "DATE", "DATE"),
        ("ts", "TIMESTAMP", "TIMESTAMP"), ("flag", "BOOLEAN", "BOOLEAN"), ("score", "DOUBLE", "DOUBLE"),
        ("tags", "ARRAY", "ARRAY<INT>"),
    ])

    private func rows(_ json: String) throws -> [Row] { try decoder.rows(Array(json.utf8)) }

    func testTypedValues_StraightFromBytes() throws {
        let rows = try rows(
            #"[["9223372036854775807","Zoë \"q\"\\\n\u00e9\ud83d\ude00","-12.50","2024-02-29","2024-03-01T01:02:03.5+01:00","true","0.1","[1,null,3]"],"#
                + #" [null, null, null, null, null, null, null, null]]"#)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(
            rows[0],
            [
                .int(Int64.max), .string("Zoë \"q\"\\\né😀"), .decimal(SQLDecimal(unscaled: -1250, scale: 2)),
                .date(Int32(CivilTime.days(year: 2024, month: 2, day: 29))),
                .timestamp(Int64(CivilTime.days(year: 2024, month: 3, day: 1)) * 86_400_000_000 + 2 * 60_000_000 + 3_500_000),
                .bool(true), .double(0.1), .array([.int(1), .null, .int(3)]),
            ])
        XCTAssertEqual(rows[1], Array(repeating: .null, count: 8))
    }

    func testValuesThatDoNotParse_AreKeptAsText() throws {
        let cases: [(column: (String, String, String?), text: String, expected: SQLValue)] = [
            (("i", "INT", nil), "9223372036854775808", .string("9223372036854775808")),
            (("i", "INT", nil), "-9223372036854775808", .int(Int64.min)),
            (("i", "INT", nil), "+7", .int(7)),
            (("i", "INT", nil), "-", .string("-")),
            (("d", "DOUBLE", nil), "1.5E10", .double(1.5e10)),
            (("d", "DOUBLE", nil), "NaN", .double(.nan)),
            (("d", "DOUBLE", nil), "-Infinity", .double(-.infinity)),
            (("d", "DOUBLE", nil), "0.30000000000000004", .double(0.30000000000000004)),
            (("d", "DOUBLE", nil), "123456789.123456789", .double(123456789.123456789)),
            (("d", "DOUBLE", nil), "x1", .string("x1")),
            (("m", "DECIMAL", "DECIMAL(38,0)"), "1.5e3", .decimal(SQLDecimal(unscaled: 1500, scale: 0))),
            (("b", "BOOLEAN", nil), "TRUE", .string("TRUE")),
            (("t", "DATE", nil), "2023-02-29", .string("2023-02-29")),
            (("u", "INTERVAL", "INTERVAL DAY"), "1 day", .string("1 day")),
            (
                ("u", "INTERVAL", "INTERVAL DAY"), "3 00:00:00.000000000",
                .interval(SQLInterval(amount: 259_200_000_000, start: .day, end: .day))
            ),
            (("u", "INTERVAL", "INTERVAL YEAR TO MONTH"), "-1-2", .interval(SQLInterval(amount: -14, start: .year, end: .month))),
            (
                ("u", "INTERVAL", "INTERVAL HOUR TO SECOND"), "INTERVAL '01:02:03.5' HOUR TO SECOND",
                .interval(SQLInterval(amount: 3_723_500_000, start: .hour, end: .second))
            ),
            (
                ("s", "MAP", "MAP<STRING,INT>"), #"{"b":1,"a":null}"#,
                .map([SQLMapEntry(.string("b"), .int(1)), SQLMapEntry(.string("a"), .null)])
            ),
            (
                ("s", "MAP", "MAP<INT, DATE>"), #"{"2":"2024-01-02"}"#,
                .map([SQLMapEntry(.int(2), .date(Int32(CivilTime.days(year: 2024, month: 1, day: 2))))])
            ),
            (
                ("s", "STRUCT", "STRUCT<p: DECIMAL(4,2), t: ARRAY<STRING>, x: STRUCT<d: DATE>>"),
                #"{"p":1.50,"t":["x"],"x":{"d":"2024-01-02"}}"#,
                .struct([
                    SQLField("p", .decimal(SQLDecimal(unscaled: 150, scale: 2))), SQLField("t", .array([.string("x")])),
                    SQLField("x", .struct([SQLField("d", .date(Int32(CivilTime.days(year: 2024, month: 1, day: 2))))])),
                ])
            ),
            // A value that does not fit its type_text is read by its JSON form alone.
            (("a", "ARRAY", "ARRAY<STRUCT<k: INT>>"), #"[{"k":1e400}]"#, .array([.struct([SQLField("k", .double(.infinity))])])),
            (("v", "STRUCT", "STRUCT<i: INTERVAL DAY>"), #"{"i":"1 day"}"#, .struct([SQLField("i", .string("1 day"))])),
            (
                ("v", "STRUCT", "STRUCT<i: INTERVAL DAY>"), #"{"i":"INTERVAL '3' DAY"}"#,
                .struct([SQLField("i", .interval(SQLInterval(amount: 259_200_000_000, start: .day, end: .day)))])
            ),
            (("s", "STRUCT", "STRUCT<a: INT>"), "{not json", .string("{not json")),
        ]
        for (column, text, expected) in cases {
            let single = ResultChunkDecoder(columns: [column])
            var escaped: [UInt8] = []
            JSONWriter.appendString(text, to: &escaped)
            let rows = try single.rows(Array("[[".utf8) + escaped + Array("]]".utf8))
            XCTAssertEqual(rows, [[expected]], "\(column.1) \(text)")
        }
    }

    func testNestedColumns_AreTypedByTheirTypeText() {
        let decoder = ResultChunkDecoder(columns: [
            ("m", "MAP", "MAP<STRING,INT>"), ("a", "ARRAY", "ARRAY<STRUCT<k: INT, `a b`: STRING NOT NULL>>"),
            ("v", "STRUCT", "STRUCT<i: INTERVAL DAY>"),
        ])
        XCTAssertEqual(
            decoder.columns.map(\.type),
            [
                .map(key: .string, value: .int), .array(.struct([SQLStructField("k", .int), SQLStructField("a b", .string)])),
                .struct([SQLStructField("i", .interval(.day, .day))]),
            ])
        XCTAssertEqual(
            decoder.columns.map(\.type.description),
            ["MAP<STRING, INT>", "ARRAY<STRUCT<k: INT, `a b`: STRING>>", "STRUCT<i: INTERVAL DAY>"])
    }

    func testRowShapes_MissingCellsAreNullExtraCellsIgnoredBareTokensRead() throws {
        let pair = ResultChunkDecoder(columns: [("a", "INT", nil), ("b", "BOOLEAN", nil)])
        XCTAssertEqual(
            try pair.rows(Array(#"[["1"],[],["2","false","x"],[ 3 , true ]]"#.utf8)),
            [
                [.int(1), .null], [.null, .null], [.int(2), .bool(false)], [.int(3), .bool(true)],
            ])
        XCTAssertEqual(try pair.rows(Array(" [ ] ".utf8)), [])
    }

    func testMalformedData_NamesProblemAndByte() {
        let cases: [(String, String)] = [
            ("{}", "expected '[' to open data_array at byte 0"),
            (#"[["1"]"#, "expected ',' or ']' between rows at byte 6"),
            (#"[["1" "2"]]"#, "expected ',' or ']' between cells at byte 6"),
            (#"[[{"a":1}]]"#, "a cell must be a string or null at byte 2"),
            (#"[["a\qb"]]"#, "invalid escape at byte 5"),
            (#"[["\u12"]]"#, #"bad \u escape at byte 5"#),
            (#"[["abc]]"#, "unterminated string at byte 8"),
            (#"[[nul]]"#, "invalid literal at byte 2"),
            (#"[["1"]] x"#, "unexpected text after data_array at byte 8"),
            ("[[\"a\u{1}\"]]", "control character in a string at byte 4"),
        ]
        for (json, message) in cases {
            XCTAssertThrowsError(try rows(json), json) { error in
                XCTAssertEqual(error as? DatabricksError, .malformedResponse(message), json)
            }
        }
    }

    func testDataArrayReadDuringTheParse_MatchesSkipThenScan() throws {
        let text = #"{"chunk_index": 1, "data_array": [["7", "a ]\"", "1.50", null, null, "true", "2.5", "[1]"], ["8"]] , "next": "/x"}"#
        let bytes = Array(text.utf8)
        var read: RowBatch?
        let (json, range) = try JSONParser.parse(bytes: bytes, deferring: "data_array") { (start) throws(JSONParser.SyntaxError) in
            do throws(DatabricksError) {
                let (batch, end) = try self.decoder.batch(bytes, from: start)
                read = batch
                return end
            } catch {
                throw JSONParser.SyntaxError(message: "\(error)", line: 0, column: 0)
            }
        }
        let skipped = try JSONParser.parse(bytes: bytes, deferring: "data_array")
        XCTAssertEqual(json, skipped.value)
        XCTAssertEqual(range, skipped.deferred)
        let expected = try decoder.rows(bytes, in: try XCTUnwrap(skipped.deferred))
        XCTAssertEqual(try XCTUnwrap(read).rows.map { $0.map(\.description) }, expected.map { $0.map(\.description) })
        XCTAssertEqual(expected.count, 2)

        XCTAssertThrowsError(try decoder.batch(Array(#"{"data_array": [["1"] ["2"]]}"#.utf8), from: 15)) { error in
            XCTAssertEqual(error as? DatabricksError, .malformedResponse("expected ',' or ']' between rows at byte 22"))
        }
        for outside in [-1, 40] {
            XCTAssertThrowsError(try decoder.batch(Array(#"[["1"]]"#.utf8), from: outside)) { error in
                XCTAssertEqual(error as? DatabricksError, .malformedResponse("data_array offset outside the response at byte 0"))
            }
        }
        XCTAssertThrowsError(
            try JSONParser.parse(bytes: bytes, deferring: "data_array") { (start) throws(JSONParser.SyntaxError) in start }
        ) { error in
            XCTAssertEqual((error as? JSONParser.SyntaxError)?.message, "a deferred array was read to a position outside it")
        }
    }

    func testParserDeferral_LeavesDataArrayAsRange() throws {
        let text = #"{"chunk_index": 2, "data_array": [["x]\"", "{"]], "next_chunk_index": 3}"#
        let bytes = Array(text.utf8)
        let (json, range) = try JSONParser.parse(bytes: bytes, deferring: "data_array")
        XCTAssertEqual(json, .object(JSONObject([("chunk_index", .int(2)), ("next_chunk_index", .int(3))])))
        let deferred = try XCTUnwrap(range)
        XCTAssertEqual(String(decoding: bytes[deferred], as: UTF8.self), #"[["x]\"", "{"]]"#)
        let notAnArray = try JSONParser.parse(bytes: Array(#"{"data_array": 5}"#.utf8), deferring: "data_array")
        XCTAssertEqual(notAnArray.value["data_array"], .int(5))
        XCTAssertNil(notAnArray.deferred)
        for unterminated in [#"{"data_array": [["a"]"#, #"{"data_array": [["a]]}"#, #"{"data_array": [["a\"#] {
            XCTAssertThrowsError(try JSONParser.parse(bytes: Array(unterminated.utf8), deferring: "data_array"), unterminated) { error in
                XCTAssertEqual((error as? JSONParser.SyntaxError)?.message, "unterminated array", unterminated)
            }
        }
        let afterLines = "{\"data_array\": [\n[\"a\"],\n[\"b\\n\"]\n], \"x\": tru}"
        XCTAssertThrowsError(try JSONParser.parse(bytes: Array(afterLines.utf8), deferring: "data_array")) { error in
            let syntax = error as? JSONParser.SyntaxError
            XCTAssertEqual(syntax?.message, "invalid literal, expected true")
            XCTAssertEqual(syntax.map { [$0.line, $0.column] }, [4, 9], "lines inside the skipped array are counted")
        }
    }
}
