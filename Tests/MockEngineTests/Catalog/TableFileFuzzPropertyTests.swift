import DBAPITestSupport
import XCTest

@testable import MockEngine

/// The `csv` and `jsonl` fuzz targets' body over their seeds and mutations of them: each file loads
/// or is refused with a reportable error, quickly (see Fuzz/README.md).
final class TableFileFuzzPropertyTests: XCTestCase {
    func testCSVSeedsAndMutations_LoadOrThrowReportableErrors() {
        let property = FuzzProperty(target: "csv")
        XCTAssertGreaterThan(property.seeds.count, 5)
        let outcome = FuzzProperty.run(property.inputs(count: 3000)) { try TableFileFuzzBody.run($0, format: .csv) }
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 300)
        XCTAssertGreaterThan(outcome.rejected, 300)
    }

    func testJSONLSeedsAndMutations_LoadOrThrowReportableErrors() {
        let property = FuzzProperty(target: "jsonl")
        XCTAssertGreaterThan(property.seeds.count, 3)
        let outcome = FuzzProperty.run(property.inputs(count: 3000)) { try TableFileFuzzBody.run($0, format: .jsonLines) }
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 150)
        XCTAssertGreaterThan(outcome.rejected, 300)
    }
}
