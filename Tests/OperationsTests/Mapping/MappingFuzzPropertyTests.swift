import DBAPITestSupport
import XCTest

@testable import Operations

/// The `mapping` fuzz target's body over its seeds (the sample and tested expressions) and
/// mutations of them: each parses and evaluates, or throws a reportable error, quickly.
final class MappingFuzzPropertyTests: XCTestCase {
    func testSeedsAndMutations_EvaluateOrThrowReportableErrors() {
        let property = FuzzProperty(target: "mapping")
        XCTAssertGreaterThan(property.seeds.count, 40)
        let outcome = FuzzProperty.run(property.inputs(count: 4000), MappingFuzzBody.run)
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 50)
        XCTAssertGreaterThan(outcome.rejected, 1000)
    }
}
