import DBAPITestSupport
import XCTest

@testable import MockEngine

/// The `sql` fuzz target's body over its seeds, mutations of them and generated statements: each
/// returns or throws a reportable error, quickly (see Fuzz/README.md).
final class SQLFuzzPropertyTests: XCTestCase {
    func testSeedsMutationsAndGeneratedStatements_ReturnOrThrowReportableErrors() {
        XCTAssertNotNil(SQLFuzzBody.engine)
        let property = FuzzProperty(target: "sql")
        XCTAssertGreaterThan(property.seeds.count, 100)
        XCTAssertGreaterThan(property.dictionary.count, 100)
        var random = SplitMix64(seed: 42)
        let generated = (0..<1500).map { _ in [1] + (0..<160).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        let outcome = FuzzProperty.run(property.inputs(count: 1500) + generated, SQLFuzzBody.run)
        XCTAssertEqual(outcome.failures.map(\.description), [])
        XCTAssertGreaterThan(outcome.returned, 150)
        XCTAssertGreaterThan(outcome.rejected, 500)
    }

    func testGeneratedStatements_AreDeterministic() {
        var first = SQLStatementGenerator(choices: [3, 1, 4, 1, 5, 9, 2, 6])
        var second = SQLStatementGenerator(choices: [3, 1, 4, 1, 5, 9, 2, 6])
        XCTAssertEqual(first.statement(), second.statement())
        XCTAssertEqual(SQLFuzzBody.statement(Array("SELECT 1".utf8)), "SELECT 1")
    }
}
