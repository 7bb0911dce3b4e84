import DBAPICore
import Operations
import XCTest

@testable import DBAPICLI

final class OutputFormatTests: XCTestCase {
    private let envelope = Envelope.success(
        data: .object(
            JSONObject([
                (
                    "rows",
                    .array([
                        .object(JSONObject([("id", .int(1)), ("name", .string("a, \"b\"\nc")), ("price", .number("1.50"))])),
                        .object(JSONObject([("id", .int(22)), ("name", .null), ("price", .number("10.00"))])),
                    ])
                )
            ])),
        meta: JSONObject([("operation", .string("x"))]))

    func testCSV_QuotesAndNulls() {
        var out = ""
        CSVFormat().write(envelope, to: &out)
        XCTAssertEqual(out, "id,name,price\r\n1,\"a, \"\"b\"\"\nc\",1.50\r\n22,,10.00\r\n")
    }

    /// NULL, the empty string, NaN and the infinities in every format: NULL and '' differ in csv,
    /// and non-finite doubles are written as Databricks writes them, never as NULL.
    private let specials = Envelope.success(
        data: .object(
            JSONObject([
                (
                    "rows",
                    .array([
                        .object(
                            JSONObject([
                                ("e", .string("")), ("z", .null), ("n", .double(.nan)), ("p", .double(.infinity)),
                                ("m", .double(-.infinity)), ("neg", .double(-0.0)),
                            ]))
                    ])
                )
            ])),
        meta: JSONObject())

    func testSpecialValues_InEveryFormat() {
        var csv = ""
        CSVFormat().write(specials, to: &csv)
        XCTAssertEqual(csv, "e,z,n,p,m,neg\r\n\"\",,NaN,Infinity,-Infinity,-0.0\r\n")
        var ndjson = ""
        NDJSONFormat().write(specials, to: &ndjson)
        XCTAssertEqual(ndjson, #"{"e":"","z":null,"n":"NaN","p":"Infinity","m":"-Infinity","neg":-0.0}"# + "\n")
        var json = ""
        JSONFormat().write(specials, to: &json)
        XCTAssertEqual(
            json,
            #"{"status":"success","data":{"rows":[{"e":"","z":null,"n":"NaN","p":"Infinity","m":"-Infinity","neg":-0.0}]},"#
                + #""meta":{}}"# + "\n")
        var table = ""
        TableFormat().write(specials, to: &table)
        XCTAssertEqual(
            table,
            """
            e | z    | n   | p        | m         | neg
            --+------+-----+----------+-----------+-----
              | NULL | NaN | Infinity | -Infinity | -0.0
            (1 row)

            """)
    }

    func testCSV_OneColumnNullRowIsAnEmptyLine() {
        let envelope = Envelope.success(
            data: .object(
                JSONObject([
                    ("rows", .array([.null, .string(""), .string("x")].map { .object(JSONObject([("v", $0)])) }))
                ])),
            meta: JSONObject())
        var out = ""
        CSVFormat().write(envelope, to: &out)
        XCTAssertEqual(out, "v\r\n\r\n\"\"\r\nx\r\n")
    }

    func testNDJSON_OneObjectPerRow() {
        var out = ""
        NDJSONFormat().write(envelope, to: &out)
        XCTAssertEqual(out, "{\"id\":1,\"name\":\"a, \\\"b\\\"\\nc\",\"price\":1.50}\n{\"id\":22,\"name\":null,\"price\":10.00}\n")
    }

    func testTable_AlignsColumnsAndRightAlignsNumbers() {
        var out = ""
        TableFormat().write(envelope, to: &out)
        XCTAssertEqual(
            out,
            """
            id | name     | price
            ---+----------+------
             1 | a, "b" c |  1.50
            22 | NULL     | 10.00
            (2 rows)

            """)
    }

    func testJSON_PrettyEnvelope() {
        var out = ""
        JSONFormat(pretty: true).write(.success(data: .object(JSONObject([("a", .int(1))])), meta: JSONObject()), to: &out)
        XCTAssertEqual(out, "{\n  \"status\": \"success\",\n  \"data\": {\n    \"a\": 1\n  },\n  \"meta\": {}\n}\n")
    }
}
