import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// Credentials never leave the configured workspace and never reach any output: the built binary,
/// with `--verbose`, against scripts/hostile_databricks.py, planted secrets searched for in stdout
/// and stderr.
final class CredentialExposureTests: XCTestCase {
    private static let token = "dapi-PLANTED-7f3c9e"
    private static let clientID = "client-PLANTED-42"
    private static let clientSecret = "secret-PLANTED-99"
    /// What the Basic header carries: base64 of `id:secret`.
    private static let basic = Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
    private static let secrets = [token, clientID, clientSecret, basic, HostileDatabricksServer.accessToken]

    private enum Auth: CaseIterable { case pat, oauth }

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
    }

    /// `dbapi query SELECT 1 --backend databricks --verbose` against `host`.
    private func query(_ host: String, _ auth: Auth) throws -> ProcessOutcome {
        var environment: [String: String?] = [
            "DATABRICKS_HOST": host, "DATABRICKS_WAREHOUSE_ID": "w", "HOME": "/nonexistent", "DATABRICKS_CONFIG_PROFILE": nil,
            "DATABRICKS_CONFIG_FILE": nil, "DATABRICKS_AUTH_TYPE": nil, "DATABRICKS_TOKEN": nil, "DATABRICKS_CLIENT_ID": nil,
            "DATABRICKS_CLIENT_SECRET": nil,
        ]
        switch auth {
        case .pat: environment["DATABRICKS_TOKEN"] = Self.token
        case .oauth:
            environment["DATABRICKS_CLIENT_ID"] = Self.clientID
            environment["DATABRICKS_CLIENT_SECRET"] = Self.clientSecret
        }
        return try runProcess(Fixtures.binary, ["query", "SELECT 1", "--backend", "databricks", "--verbose"], environment: environment)
    }

    private func assertNoSecret(_ outcome: ProcessOutcome, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in Self.secrets {
            XCTAssertFalse(outcome.stdout.contains(secret), "\(label): \(secret) on stdout: \(outcome.stdout)", file: file, line: line)
            XCTAssertFalse(outcome.stderr.contains(secret), "\(label): \(secret) on stderr: \(outcome.stderr)", file: file, line: line)
        }
    }

    /// Repro 10: error messages, error codes, statement ids and log lines that quote a credential.
    func testServerEchoingCredentials_PrintsThemRedacted() throws {
        let cases: [(HostileDatabricksServer.Mode, Auth, Int32, String)] = [
            (.echo401, .pat, 73, "POST /api/2.0/sql/statements failed with HTTP 401 UNAUTHENTICATED: saw Authorization: Bearer [REDACTED]"),
            (
                .echo401, .oauth, 73,
                "POST /oidc/v1/token failed with HTTP 401 UNAUTHENTICATED: OAuth M2M token request was refused: saw Basic [REDACTED] ([REDACTED]); check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (environment (DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET, DATABRICKS_WAREHOUSE_ID))"
            ),
            (
                .echoFailed, .pat, 67,
                "statement [REDACTED] failed ([REDACTED], SQLSTATE 42000): statement of [REDACTED] failed: saw Authorization: Bearer [REDACTED]"
            ),
            (
                .echoFailed, .oauth, 67,
                "statement [REDACTED] failed ([REDACTED], SQLSTATE 42000): statement of [REDACTED] failed: saw Authorization: Bearer [REDACTED]"
            ),
        ]
        for (mode, auth, status, message) in cases {
            let server = try HostileDatabricksServer(mode)
            let outcome = try query(server.host, auth)
            let label = "\(mode) \(auth)"
            XCTAssertEqual(outcome.status, status, label)
            XCTAssertEqual(outcome.json?["error"]?["message"], .string(message), label)
            assertNoSecret(outcome, label)
            if mode == .echoFailed {
                XCTAssertEqual(outcome.json?["error"]?["details"]?["statement_id"], .string("[REDACTED]"), label)
                XCTAssertEqual(outcome.json?["error"]?["details"]?["error_code"], .string("[REDACTED]"), label)
                XCTAssertEqual(outcome.json?["meta"]?["statement_ids"], .array([.string("[REDACTED]")]), label)
                XCTAssertTrue(outcome.stderr.contains("HTTP GET /api/2.0/sql/statements/[REDACTED] → 200"), "\(label): \(outcome.stderr)")
            }
        }
    }

    /// Repro 11: a redirect of an API request (PAT) or of the token request (Basic) is not followed.
    func testRedirects_AreRefusedAndNothingReachesTheOtherOrigin() throws {
        for (auth, method, path, status) in [(Auth.pat, "POST", "/api/2.0/sql/statements", 307), (.oauth, "POST", "/oidc/v1/token", 302)] {
            let server = try HostileDatabricksServer(.redirect)
            let outcome = try query(server.host, auth)
            XCTAssertEqual(outcome.status, 69, "\(auth)")
            XCTAssertEqual(
                outcome.json?["error"]?["message"],
                .string(
                    "\(method) \(path) was answered with HTTP \(status), a redirect to http://127.0.0.1:\(server.otherPort)\(path); dbapi does not follow redirects of workspace API requests (they carry the credentials): check DATABRICKS_HOST"
                ), "\(auth)")
            XCTAssertEqual(outcome.json?["error"]?["code"], .string("UNAVAILABLE"), "\(auth)")
            XCTAssertEqual(outcome.json?["error"]?["retryable"], .bool(false), "\(auth)")
            XCTAssertEqual(outcome.json?["error"]?["details"]?["http_status"], .int(Int64(status)), "\(auth)")
            XCTAssertEqual(
                try server.requests().filter { $0["server"] == .string("other") }, [], "\(auth): nothing reaches the other origin")
            XCTAssertEqual(try server.requests().count, 1, "\(auth): one request, not retried")
            assertNoSecret(outcome, "\(auth)")
        }
    }

    /// An external link may redirect (storage does); the download follows it without any
    /// `Authorization`, even one the link's `http_headers` ask for.
    func testExternalLinkRedirect_IsFollowedWithoutAuthorization() throws {
        let server = try HostileDatabricksServer(.linkRedirect)
        let outcome = try query(server.host, .pat)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.json?["data"]?["rows"], .array([.array([.int(7)])]))
        let downloads = try server.requests().filter { ($0["path"]?.string ?? "").hasPrefix("/__external/") }
        XCTAssertEqual(downloads.map { $0["server"] }, [.string("main"), .string("other")])
        XCTAssertEqual(downloads.map { $0["authorization"] }, [.null, .null])
        assertNoSecret(outcome, "external link")
    }

    /// Repro 18: a `next_chunk_internal_link` that would name another host is refused before any
    /// request is sent.
    func testChunkLinkNamingAnotherHost_IsRefused() throws {
        let server = try HostileDatabricksServer(.linkHost)
        let outcome = try query(server.host, .pat)
        XCTAssertEqual(outcome.status, 69, outcome.stderr)
        XCTAssertEqual(
            outcome.json?["error"]?["message"],
            .string(
                "unexpected response from Databricks: refused to request '@127.0.0.1:\(server.otherPort)/api/2.0/sql/statements/s-1/result/chunks/1': not an absolute path on http://127.0.0.1:\(server.port)"
            ))
        XCTAssertEqual(try server.requests().filter { $0["server"] == .string("other") }, [])
        assertNoSecret(outcome, "chunk link")
    }

    /// Repros 16 and 19: no server is contacted (the port is closed and libcurl is not even loaded).
    func testHostProblems_AreConfigurationErrorsThatEchoNoPassword() throws {
        let noCurl: [String: String?] = ["DBAPI_LIBCURL": "/nonexistent/libcurl.so.4"]
        let cases: [(String, String)] = [
            (
                "http://user:PWD-SECRET@127.0.0.1:9",
                "DATABRICKS_HOST must not contain a user name or password ('@'); set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET"
            ),
            (
                "http://127.example.com",
                "DATABRICKS_HOST must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)"
            ),
            (
                "http://127.0.0.1.nip.io",
                "DATABRICKS_HOST must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)"
            ),
        ]
        for (host, message) in cases {
            var environment = noCurl
            environment["DATABRICKS_HOST"] = host
            environment["DATABRICKS_TOKEN"] = Self.token
            environment["DATABRICKS_WAREHOUSE_ID"] = "w"
            environment["HOME"] = "/nonexistent"
            let outcome = try runProcess(
                Fixtures.binary, ["query", "SELECT 1", "--backend", "databricks", "--verbose"], environment: environment)
            XCTAssertEqual(outcome.status, 78, host)
            XCTAssertEqual(
                outcome.json?["error"]?["message"]?.string?.hasPrefix(message + " (settings from "), true, "\(host): \(outcome.stdout)")
            XCTAssertFalse(outcome.stdout.contains("PWD-SECRET") || outcome.stderr.contains("PWD-SECRET"), host)
            assertNoSecret(outcome, host)
        }
    }
}
