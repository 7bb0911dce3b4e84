import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// The CLIs run bounded: output kept up to the limit, a process that runs too long killed.
final class ProcessLauncherTests: XCTestCase {
    func testOutputIsBoundedAndStatusKept() async throws {
        let launcher = ProcessLauncher(outputLimit: 1000, timeLimit: 30)
        let output = try await launcher.run("/bin/sh", ["-c", "head -c 5000 /dev/zero; echo said >&2; exit 3"], environment: [:])
        XCTAssertEqual(output.status, 3)
        XCTAssertEqual(output.stdout, Array(repeating: 0, count: 1000))
        XCTAssertEqual(output.stderr, Array("said\n".utf8))
    }

    func testAProcessThatRunsTooLongIsKilled() async {
        let launcher = ProcessLauncher(outputLimit: 1000, timeLimit: 0.2)
        do {
            _ = try await launcher.run("/bin/sh", ["-c", "exec sleep 30"], environment: [:])
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error as? DatabricksError, .authentication("/bin/sh did not finish within 0.2 s"))
        }
    }

    func testAMissingExecutableIsAnAuthenticationError() async {
        do {
            _ = try await ProcessLauncher().run("/nonexistent/databricks", [], environment: [:])
            XCTFail("no error")
        } catch {
            XCTAssertEqual((error as? DatabricksError)?.code, .authentication)
        }
    }
}
