import DBAPICore
import XCTest

@testable import Databricks

/// A failed statement reports Spark's error class and SQLSTATE in `details`, as the mock engine does.
final class SparkErrorFieldsTests: XCTestCase {
    func testErrorClassAndSQLState_FromTheWarehouseMessage() {
        let cases: [(message: String, sqlState: String?, errorClass: String?, state: String?)] = [
            (
                "\n[PARSE_SYNTAX_ERROR] Syntax error at or near 'INSER'. SQLSTATE: 42601 (line 1, pos 0)\n\n== SQL ==\nINSER", nil,
                "PARSE_SYNTAX_ERROR", "42601"
            ),
            (
                "[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"(a + b)\". SQLSTATE: 42K09", "42K09",
                "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES", "42K09"
            ),
            ("[DIVIDE_BY_ZERO] Division by zero.", "22012", "DIVIDE_BY_ZERO", "22012"),
            ("Query has been timed out", nil, nil, nil),
            ("[not a class] text SQLSTATE: 4260", nil, nil, nil),
        ]
        for test in cases {
            let error = DatabricksError.statementFailed(
                statementID: "s", errorCode: "BAD_REQUEST", sqlState: test.sqlState, message: test.message)
            let details: [String: JSONValue] = error.details
            let expectedClass: JSONValue = test.errorClass.map { .string($0) } ?? .null
            let expectedState: JSONValue = test.state.map { .string($0) } ?? .null
            XCTAssertEqual(details["error_class"], expectedClass, test.message)
            XCTAssertEqual(details["sql_state"], expectedState, test.message)
        }
    }
}
