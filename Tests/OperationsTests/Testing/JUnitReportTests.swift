import XCTest

@testable import Operations

final class JUnitReportTests: XCTestCase {
    func testReport_GroupsByOperation_AndEscapesEverything() {
        let outcomes = [
            ExampleOutcome(operation: "a/b", example: "ok", status: .passed, seconds: 0.0015, message: nil, details: []),
            ExampleOutcome(
                operation: "a/b", example: "x", status: .failed, seconds: 0.25, message: "expected <1> & \"2\"\n",
                details: ["d: expected 'a', got \u{1}"]),
            ExampleOutcome(operation: "c", example: "new", status: .written, seconds: 1, message: nil, details: []),
        ]
        XCTAssertEqual(
            JUnitReport.xml(outcomes, seconds: 1.5),
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="dbapi test" tests="3" failures="1" errors="0" time="1.500">
              <testsuite name="a/b" tests="2" failures="1" errors="0" skipped="0" time="0.252">
                <testcase name="ok" classname="a/b" time="0.002"/>
                <testcase name="x" classname="a/b" time="0.250">
                  <failure message="expected &lt;1&gt; &amp; &quot;2&quot;&#10; d: expected &apos;a&apos;, got \u{FFFD}" type="dbapi.test">expected &lt;1&gt; &amp; &quot;2&quot;

            d: expected &apos;a&apos;, got \u{FFFD}</failure>
                </testcase>
              </testsuite>
              <testsuite name="c" tests="1" failures="0" errors="0" skipped="0" time="1.000">
                <testcase name="new" classname="c" time="1.000"/>
              </testsuite>
            </testsuites>

            """)
    }
}
