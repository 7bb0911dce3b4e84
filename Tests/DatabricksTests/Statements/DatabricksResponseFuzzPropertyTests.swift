import DBAPITestSupport
import XCTest

@testable import Databricks

/// The `databricks-response` fuzz target's body over its seeds (statement, chunk and link bodies in
/// the documented shapes) and mutations of them: each statement completes or fails with a
/// reportable error, and every JSON body the parser accepts is written back unchanged, quickly.
final class DatabricksResponseFuzzPropertyTests: XCTestCase {
    func testSeedsAndMutations_CompleteOrThrowReportableErrors() {
        XCTAssertNotNil(DatabricksResponseFuzzBody.config)
        let property = FuzzProperty(target: "databricks-response")
        XCTAssertGreaterThan(property.seeds.count, 5)
        let outcome = FuzzProperty.run(property.inputs(count: 2000), DatabricksResponseFuzzBody.run)
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 50)
    }

    func testBodies_SplitAtTheSeparator() {
        XCTAssertEqual(DatabricksResponseFuzzBody.split(Array("a\n--next--\nb\n--next--\n".utf8)), [[97], [98], []])
        XCTAssertEqual(DatabricksResponseFuzzBody.split([]), [[]])
    }
}
