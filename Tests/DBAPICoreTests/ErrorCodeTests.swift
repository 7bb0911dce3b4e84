import XCTest

@testable import DBAPICore

/// Every error class's wire name, exit status and retry default, as the README documents them.
final class ErrorCodeTests: XCTestCase {
    func testEveryCode_HasItsDocumentedNameStatusAndRetryDefault() {
        let table: [(code: ErrorCode, name: String, status: Int32, retryable: Bool)] = [
            (.usage, "USAGE_ERROR", 64, false),
            (.invalidParameter, "INVALID_PARAMETER", 65, false),
            (.notFound, "NOT_FOUND", 66, false),
            (.sql, "SQL_ERROR", 67, false),
            (.template, "TEMPLATE_ERROR", 68, false),
            (.unavailable, "UNAVAILABLE", 69, true),
            (.internal, "INTERNAL_ERROR", 70, false),
            (.rateLimited, "RATE_LIMITED", 71, true),
            (.timeout, "TIMEOUT", 72, true),
            (.authentication, "AUTHENTICATION_FAILED", 73, false),
            (.incompleteResult, "INCOMPLETE_RESULT", 74, true),
            (.permission, "PERMISSION_DENIED", 77, false),
            (.configuration, "CONFIGURATION_ERROR", 78, false),
            (.canceled, "CANCELED", 130, false),
        ]
        XCTAssertEqual(Set(table.map(\.code)), Set(ErrorCode.allCases), "the table covers every code")
        for row in table {
            XCTAssertEqual(row.code.rawValue, row.name)
            XCTAssertEqual(row.code.exitStatus, row.status, row.name)
            XCTAssertEqual(row.code.isRetryableByDefault, row.retryable, row.name)
        }
        XCTAssertEqual(Set(table.map(\.status)).count, table.count, "one exit status per class")
    }
}
