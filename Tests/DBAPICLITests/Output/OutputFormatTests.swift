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
