import DBAPICore
import DBAPITestSupport
import XCTest

@testable import MockEngine

/// A statement stops when its task is cancelled, so `--timeout` and signals bound the mock's time
/// even for a query that would run for hours (a chain of cross joins).
final class CancellationTests: XCTestCase {
    /// 13^7 ≈ 63 million joined rows over a VALUES table: hours in a debug build.
    private let endless =
        "WITH t AS (SELECT * FROM VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13) AS v(n)) "
        + "SELECT count(*) FROM t a CROSS JOIN t b CROSS JOIN t c CROSS JOIN t d CROSS JOIN t e CROSS JOIN t f CROSS JOIN t g"

    func testCancellingTheTask_StopsTheStatementWithOperationCanceled() async throws {
        let engine = SQLEngine(catalog: try MockCatalog(directory: nil))
        let sql = endless
        let task = Task { try await engine.execute(sql, now: 0) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("the statement finished")
        } catch {
            XCTAssertEqual("\(error)", "[OPERATION_CANCELED] Operation has been canceled. SQLSTATE: HY008")
        }
    }

    func testTimeout_EndsAMockQueryWithTimeout() async throws {
        let result = await runCLI(["query", endless, "--timeout", "0.5"])
        XCTAssertEqual(result.status, 72, result.stdout)
        XCTAssertEqual(result.json?["error"]?["code"], .string("TIMEOUT"))
        XCTAssertEqual(result.json?["error"]?["message"], .string("timed out after 0.5 s (--timeout)"))
    }
}
