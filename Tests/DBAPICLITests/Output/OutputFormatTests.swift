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
        let out = CSVFormat().text(of: envelope)
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
        let csv = CSVFormat().text(of: specials)
        XCTAssertEqual(csv, "e,z,n,p,m,neg\r\n\"\",,NaN,Infinity,-Infinity,-0.0\r\n")
        let ndjson = NDJSONFormat().text(of: specials)
        XCTAssertEqual(ndjson, #"{"e":"","z":null,"n":"NaN","p":"Infinity","m":"-Infinity","neg":-0.0}"# + "\n")
        let json = JSONFormat().text(of: specials)
        XCTAssertEqual(
            json,
            #"{"status":"success","data":{"rows":[{"e":"","z":null,"n":"NaN","p":"Infinity","m":"-Infinity","neg":-0.0}]},"#
                + #""meta":{}}"# + "\n")
        let table = TableFormat().text(of: specials)
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
        let out = CSVFormat().text(of: envelope)
        XCTAssertEqual(out, "v\r\n\r\n\"\"\r\nx\r\n")
    }

    func testNDJSON_OneObjectPerRow() {
        let out = NDJSONFormat().text(of: envelope)
        XCTAssertEqual(out, "{\"id\":1,\"name\":\"a, \\\"b\\\"\\nc\",\"price\":1.50}\n{\"id\":22,\"name\":null,\"price\":10.00}\n")
    }

    func testTable_AlignsColumnsAndRightAlignsNumbers() {
        let out = TableFormat().text(of: envelope)
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
        let out = JSONFormat(pretty: true).text(of: .success(data: .object(JSONObject([("a", .int(1))])), meta: JSONObject()))
        XCTAssertEqual(out, "{\n  \"status\": \"success\",\n  \"data\": {\n    \"a\": 1\n  },\n  \"meta\": {}\n}\n")
    }
}
