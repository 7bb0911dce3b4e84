import DBAPITestSupport
import XCTest

@testable import Operations

/// The `config` fuzz target's body over its seeds (the sample configs) and mutations of them: each
/// config loads, validates, renders and runs, or is refused with a reportable error, quickly.
final class ConfigFuzzPropertyTests: XCTestCase {
    func testSeedsAndMutations_LoadOrThrowReportableErrors() {
        let property = FuzzProperty(target: "config")
        XCTAssertGreaterThanOrEqual(property.seeds.count, 4)
        let outcome = FuzzProperty.run(property.inputs(count: 400), ConfigFuzzBody.run)
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 15)
    }
}
