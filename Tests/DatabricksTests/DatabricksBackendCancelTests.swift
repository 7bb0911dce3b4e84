import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// `cancelAll` (SIGINT/SIGTERM) cancels every statement submitted, once each, after waiting up to
/// `submissionGrace` on the backend's clock, every 20 ms, for the ids of executes still in flight.
final class DatabricksBackendCancelTests: XCTestCase {
    private static let statementsPath = "/api/2.0/sql/statements"
    private static let statement = BoundStatement(name: "q", inlinedSQL: "SELECT 1", nativeSQL: "SELECT 1", parameters: [])

    /// A warehouse that answers the n-th execute with statement `s<n>` after the clock reads
    /// `answerAt`, in state `submitState`, then reports CANCELED; cancels are acknowledged.
    private func warehouse(clock: ManualClock, answerAt: Double = 0, submitState: String) -> ScriptedTransport {
        let submitted = LockedBox(0)
        return ScriptedTransport { request in
            switch (request.method, request.url.path) {
            case ("POST", Self.statementsPath):
                while clock.now() < answerAt { await Task.yield() }
                let number = submitted.withLock { count in
                    count += 1
                    return count
                }
                return .json(200, #"{"statement_id": "s\#(number)", "status": {"state": "\#(submitState)"}}"#)
            case ("POST", let path) where path.hasSuffix("/cancel"): return .json(200, "{}")
            default: return .json(200, #"{"statement_id": "s1", "status": {"state": "CANCELED"}}"#)
            }
        }
    }

    private func backend(_ transport: ScriptedTransport, clock: ManualClock) throws -> DatabricksBackend {
        let config = try DatabricksConfig.resolve(
            DatabricksSettings(),
            environment: ["DATABRICKS_HOST": "https://dbc-1.example.com", "DATABRICKS_TOKEN": "dapi-unit", "DATABRICKS_WAREHOUSE_ID": "w"],
            homeDirectory: "/nonexistent")
        return DatabricksBackend(config: config, options: StatementOptions(), version: "test", transport: transport, clock: clock)
    }

    private func cancels(_ transport: ScriptedTransport) -> [String] {
        transport.lines.filter { $0.hasSuffix("/cancel") }
    }

    func testNothingInFlight_CancelsEachStatementOnceWithoutWaiting() async throws {
        let clock = ManualClock()
        let transport = warehouse(clock: clock, submitState: "FAILED")
        let backend = try backend(transport, clock: clock)
        for _ in 0..<2 { _ = await Result { try await backend.execute(Self.statement) } }
        await backend.cancelAll()
        await backend.cancelAll()
        XCTAssertEqual(cancels(transport), ["POST \(Self.statementsPath)/s1/cancel", "POST \(Self.statementsPath)/s2/cancel"])
        XCTAssertEqual(clock.sleeps, [])
    }

    /// The execute answers after 1 s: `cancelAll` waits for it in 20 ms steps and cancels the
    /// statement it brings, long before the grace is over; also when the task calling it was
    /// cancelled (signals as task cancellation), whose own sleeps and requests would fail at once.
    func testExecuteInFlight_IsWaitedForAndItsStatementCanceled() async throws {
        for callerIsCancelled in [false, true] {
            let clock = ManualClock()
            let transport = warehouse(clock: clock, answerAt: 1, submitState: "RUNNING")
            let backend = try backend(transport, clock: clock)
            // Once the answer is due, the execute finishes handling it while the time stands still.
            clock.whileSleeping { now in
                while now >= 1, backend.isSubmitting { await Task.yield() }
            }
            let statement = Self.statement
            let execution = Task { try await backend.execute(statement) }
            while !backend.isSubmitting { await Task.yield() }
            await Task {
                if callerIsCancelled { withUnsafeCurrentTask { $0?.cancel() } }
                await backend.cancelAll()
            }.value
            XCTAssertEqual(cancels(transport), ["POST \(Self.statementsPath)/s1/cancel"], "caller cancelled: \(callerIsCancelled)")
            // 50 checks of 20 ms until the id arrived at 1 s, and the execute's first poll interval.
            XCTAssertEqual(
                clock.sleeps.sorted(), Array(repeating: DatabricksBackend.submissionPoll, count: 50) + [0.1],
                "caller cancelled: \(callerIsCancelled)")
            // A signal cancels the run's task after `cancelAll`: whether the execute then sees the
            // task cancelled or the statement CANCELED, it does not cancel the statement again.
            execution.cancel()
            let outcome = await execution.result
            XCTAssertEqual((outcome.error as? DatabricksError)?.code, .canceled)
            XCTAssertEqual(cancels(transport), ["POST \(Self.statementsPath)/s1/cancel"], "caller cancelled: \(callerIsCancelled)")
        }
    }

    /// An execute that has not answered within `submissionGrace` (the wait timeout + 5 s) is given
    /// up on: the wait is exactly the grace, in 20 ms steps, and nothing is left to cancel.
    func testExecuteInFlightPastTheGrace_IsGivenUp() async throws {
        let clock = ManualClock()
        let transport = warehouse(clock: clock, answerAt: 100, submitState: "RUNNING")
        let backend = try backend(transport, clock: clock)
        let statement = Self.statement
        let execution = Task { try await backend.execute(statement) }
        while !backend.isSubmitting { await Task.yield() }
        await backend.cancelAll()
        XCTAssertEqual(backend.submissionGrace, 15)
        XCTAssertEqual(cancels(transport), [])
        XCTAssertEqual(Set(clock.sleeps), [DatabricksBackend.submissionPoll])
        XCTAssertEqual(clock.now(), 15, accuracy: DatabricksBackend.submissionPoll)
        clock.advance(by: 100)
        _ = await execution.result
    }
}
