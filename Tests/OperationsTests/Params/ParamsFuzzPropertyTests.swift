import DBAPITestSupport
import XCTest

@testable import Operations

/// The `params` fuzz target's body over its seeds and mutations of them: raw values of every
/// declared type coerce or are refused with a reportable error, and what coerces binds, runs on the
/// mock engine and comes back unchanged from `SELECT :v`.
final class ParamsFuzzPropertyTests: XCTestCase {
    func testSeedsAndMutations_CoerceBindAndRoundTrip() {
        XCTAssertEqual(ParamsFuzzBody.specs.count, ParamsFuzzBody.declarations.count)
        let property = FuzzProperty(target: "params")
        XCTAssertGreaterThanOrEqual(property.seeds.count, ParamsFuzzBody.declarations.count)
        var generator = SplitMix64(seed: 7)
        let random = (0..<1000).map { _ in (0..<12).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        let outcome = FuzzProperty.run(property.inputs(count: 3000) + random, ParamsFuzzBody.run)
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 300)
    }
}
