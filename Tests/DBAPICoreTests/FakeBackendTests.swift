import DBAPICore
import DBAPITestSupport
import XCTest

/// `FakeBackend` answers statements in order from its script and records each one it was given.
final class FakeBackendTests: XCTestCase {
    private static func statement(_ name: String) -> BoundStatement {
        BoundStatement(name: name, inlinedSQL: "SELECT '\(name)'", nativeSQL: "SELECT :v", parameters: [])
    }

    func testScriptedResults_AreAnsweredInOrderAndStatementsRecorded() async throws {
        let result = ResultSet(columns: [ResultColumn(name: "n", type: .int)], rows: [[.int(1)], [.int(2)]])
        let failure = DBAPIError(.sql, "[DIVIDE_BY_ZERO] Division by zero.")
        let backend = FakeBackend(results: [.success(result), .failure(failure)])
        let first = try await backend.execute(Self.statement("a")).collect()
        XCTAssertEqual(first, result)
        for (name, expected) in [("b", failure), ("c", DBAPIError(.internal, "FakeBackend: no result scripted for statement 'c'"))] {
            let outcome = await Result { try await backend.execute(Self.statement(name)) }
            XCTAssertEqual(outcome.error as? DBAPIError, expected, name)
        }
        XCTAssertEqual(backend.statements, ["a", "b", "c"].map(Self.statement))
        XCTAssertEqual(backend.name, "fake")
    }
}
