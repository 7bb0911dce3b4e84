import DBAPICore
import XCTest

@testable import Operations

final class SensitiveValuesTests: XCTestCase {
    /// Every form a value takes in a message is replaced: as typed, shortened as messages shorten it,
    /// as a Spark literal with escapes, inside JSON, and each element of an array.
    func testRedact_EveryForm() {
        let long = String(repeating: "k3y", count: 20)
        var values = SensitiveValues()
        values.add(.text(long))
        values.add(.json(.array([.string("it's"), .int(424_242)])))
        values.add(.array([.string("it's"), .int(424_242)]), type: .array(.string))
        let cases: [(String, String)] = [
            ("got \"\(excerpt(long))\"", "got \"<redacted>\""),
            ("got \(long) and \(long)", "got <redacted> and <redacted>"),
            ("SELECT 'it\\'s' AS a", "SELECT <redacted> AS a"),
            ("value it's", "value <redacted>"),
            (#"got ["it's",424242]"#, "got <redacted>"),
            ("id 424242!", "id <redacted>!"),
            ("nothing here", "nothing here"),
        ]
        for (text, expected) in cases { XCTAssertEqual(values.redact(text), expected, text) }
        XCTAssertEqual(
            values.redact(.object(JSONObject([("received", .string("\"\(excerpt(long))\"")), ("n", .int(424_242))]))),
            .object(JSONObject([("received", .string("\"<redacted>\"")), ("n", .int(424_242))])))
    }

    func testRedactedError_KeepsCodeAndRetryAdvice() {
        var values = SensitiveValues()
        values.add(.text("hunter2"))
        let error = values.redact(ParamError.invalid(param: "pw", expected: "a string of 8 characters", received: "\"hunter2\""))
        let reportable = error as? any ReportableError
        XCTAssertEqual(reportable?.description, "pw must be a string of 8 characters, got \"<redacted>\"")
        XCTAssertEqual(reportable?.details["received"], .string("\"<redacted>\""))
        XCTAssertEqual(reportable?.code, .invalidParameter)
        XCTAssertEqual(reportable?.isRetryable, false)
        XCTAssertTrue(SensitiveValues().redact(ParamError.emptyList(param: "x")) is ParamError, "nothing to hide: the error as it was")
    }
}
