import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// Runs the built binary against the fake workspace with fake `databricks` and `az` executables
/// first on PATH and none of the caller's Databricks, Azure or GitHub settings; every output stream
/// is checked for the planted secrets.
final class SignInHarness {
    let server: FakeDatabricksServer
    let commands = FakeCommandDirectory()
    /// Secrets no output may show: tokens the fakes issue and credentials the tests set.
    var secrets: [String] = []

    /// Variables of the test process that would configure auth, removed for each run.
    private static let cleared = [
        "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET", "DATABRICKS_AUTH_TYPE", "DATABRICKS_CONFIG_PROFILE",
        "DATABRICKS_CONFIG_FILE", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET", "ARM_TENANT_ID", "ARM_ENVIRONMENT",
        "DATABRICKS_AZURE_RESOURCE_ID", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "DATABRICKS_OIDC_TOKEN",
        "DATABRICKS_OIDC_TOKEN_ENV", "DATABRICKS_OIDC_TOKEN_FILEPATH", "DATABRICKS_TOKEN_AUDIENCE", "DBAPI_TEST_ENTRA_URL",
    ]

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
    }

    /// `dbapi ARGUMENTS` with the workspace host and warehouse set, plus `extra` (nil removes).
    func dbapi(_ arguments: [String], _ extra: [String: String?] = [:], file: StaticString = #filePath, line: UInt = #line) throws
        -> ProcessOutcome
    {
        var environment: [String: String?] = [:]
        for name in Self.cleared { environment[name] = String?.none }
        environment["DATABRICKS_HOST"] = server.host
        environment["DATABRICKS_WAREHOUSE_ID"] = "wh-test"
        environment["HOME"] = "/nonexistent"
        environment["PATH"] = commands.path + ":/usr/bin:/bin"
        for (key, value) in extra { environment[key] = value }
        let outcome = try runDBAPI(arguments, environment: environment)
        for secret in secrets {
            XCTAssertFalse(outcome.stdout.contains(secret), "\(arguments): \(secret) on stdout: \(outcome.stdout)", file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains(secret), "\(arguments): \(secret) on stderr: \(outcome.stderr)", file: file, line: line)
        }
        return outcome
    }

    /// `dbapi query 'SELECT 1 AS one' --backend databricks --verbose`.
    func query(_ extra: [String: String?] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessOutcome {
        try dbapi(["query", "SELECT 1 AS one", "--backend", "databricks", "--verbose"], extra, file: file, line: line)
    }

    /// `dbapi auth describe --verbose`.
    func describe(_ extra: [String: String?] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> ProcessOutcome {
        try dbapi(["auth", "describe", "--verbose"], extra, file: file, line: line)
    }

    /// The workspace API requests the server received (token requests and test controls left out).
    func apiRequests() throws -> [JSONValue] {
        try server.requests().filter { $0["path"]?.string?.hasPrefix("/api/") == true }
    }

    /// The settings `auth describe` listed, as `name=value from ORIGIN`.
    static func settings(_ outcome: ProcessOutcome) -> [String] {
        let data = outcome.json?["data"] ?? outcome.json?["error"]?["details"]?["auth"]
        return (data?["settings"]?.array ?? []).map {
            "\($0["name"]?.string ?? "")=\($0["value"]?.string ?? "") from \($0["from"]?.string ?? "")"
        }
    }
}
