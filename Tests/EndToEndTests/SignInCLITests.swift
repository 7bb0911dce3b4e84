import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `databricks-cli` and `azure-cli` through the built binary: fake `databricks` and `az` executables
/// on PATH that print a token, an expired token, garbage, or fail.
final class SignInCLITests: XCTestCase {
    private var harness: SignInHarness!
    private static let cliToken = "cli-PLANTED-token-1"
    private static let azToken = "az-PLANTED-token-2"

    override func setUpWithError() throws {
        harness = try SignInHarness()
        harness.secrets = [Self.cliToken, Self.azToken]
        try harness.server.control(#"{"accepted_tokens": ["\#(Self.cliToken)", "\#(Self.azToken)"], "pending_polls": 2}"#)
    }

    override func tearDown() { harness = nil }

    private func installDatabricks(expiringIn seconds: Double) {
        harness.commands.install(
            "databricks",
            stdout:
                #"{"access_token": "\#(Self.cliToken)", "token_type": "Bearer", "expiry": "\#(FakeCommandDirectory.expiry(in: seconds))"}"#)
    }

    private var login: String { "databricks auth login --host \(harness.server.host)" }

    /// Nothing else configured and `databricks` on PATH: its token signs every request of the run,
    /// fetched once.
    func testDatabricksCLI_IsTheDefaultAndItsTokenIsCached() throws {
        installDatabricks(expiringIn: 3600)
        let outcome = try harness.query()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.json?["data"]?["rows"], .array([.array([.int(1)])]))
        XCTAssertTrue(outcome.stderr.contains("auth databricks-cli, settings from environment"), outcome.stderr)
        XCTAssertEqual(harness.commands.calls("databricks"), ["auth token --host \(harness.server.host)"])
        let requests = try harness.apiRequests()
        XCTAssertEqual(requests.count, 3, "execute and two polls")
        XCTAssertTrue(requests.allSatisfy { $0["authorization"] == .string("Bearer " + Self.cliToken) }, "\(requests)")
    }

    /// A token within 40 s of its expiry is used once and fetched again for the next request.
    func testDatabricksCLI_TokenNearExpiryIsFetchedAgain() throws {
        installDatabricks(expiringIn: 30)
        let outcome = try harness.query()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(harness.commands.calls("databricks").count, try harness.apiRequests().count)
        XCTAssertEqual(harness.commands.calls("databricks").count, 3)
    }

    /// A profile with `auth_type = databricks-cli` asks the CLI for that profile's token.
    func testDatabricksCLI_FromAProfile() throws {
        installDatabricks(expiringIn: 3600)
        let home = TemporaryDirectory()
        home.write(".databrickscfg", "[dev]\nhost = \(harness.server.host)\nauth_type = databricks-cli\nwarehouse_id = wh-test\n")
        let environment: [String: String?] = ["HOME": home.path, "DATABRICKS_HOST": nil, "DATABRICKS_WAREHOUSE_ID": nil]
        let outcome = try harness.dbapi(["query", "SELECT 1 AS one", "--backend", "databricks", "--profile", "dev"], environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(harness.commands.calls("databricks"), ["auth token --profile dev"])
        let described = try harness.dbapi(["auth", "describe", "--profile", "dev"], environment)
        XCTAssertEqual(described.status, 0, described.stdout)
        XCTAssertEqual(described.json?["data"]?["auth_type"], .string("databricks-cli"))
        XCTAssertEqual(described.json?["data"]?["profile"], .string("dev"))
        XCTAssertEqual(described.json?["data"]?["profile_from"], .string("flag --profile"))
        let origin = "profile 'dev' in \(home.path)/.databrickscfg"
        XCTAssertEqual(
            SignInHarness.settings(described),
            [
                "host=\(harness.server.host) from \(origin)", "auth_type=databricks-cli from \(origin)",
                "warehouse_id=wh-test from \(origin)",
            ])
    }

    /// Each way the CLI can fail ends the run and `auth describe` alike, naming the command to run.
    func testDatabricksCLI_Failures_NameTheLoginCommand() throws {
        let host = harness.server.host
        let cases: [(String, (stdout: String, stderr: String, status: Int32)?, [String: String?], Int32, String)] = [
            (
                "expired",
                (
                    #"{"access_token": "\#(Self.cliToken)", "token_type": "Bearer", "expiry": "\#(FakeCommandDirectory.expiry(in: -60))"}"#,
                    "", 0
                ),
                [:], 73, "the login of the Databricks CLI ('databricks') has expired; run '\(login)'"
            ),
            (
                "exit 1", ("", "Error: refresh token is invalid\n", 1), [:], 73,
                "'databricks auth token --host \(host)' failed (exit status 1): Error: refresh token is invalid; run '\(login)'"
            ),
            (
                "garbage", ("<html>not json</html>", "", 0), [:], 73,
                "'databricks auth token --host \(host)' did not print the JSON token it should (is the CLI too old?); run '\(login)'"
            ),
            (
                "no token", (#"{"token_type": "Bearer", "expiry": "2030-01-01T00:00:00Z"}"#, "", 0), [:], 73,
                "'databricks auth token --host \(host)' did not print the JSON token it should (is the CLI too old?); run '\(login)'"
            ),
            (
                "missing, asked for", nil, ["DATABRICKS_AUTH_TYPE": "databricks-cli"], 78,
                "the Databricks CLI ('databricks') is not on PATH: install it, then run '\(login)' (settings from PATH)"
            ),
            (
                "missing, nothing configured", nil, [:], 78,
                "no credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or sign in with '\(login)' (README: Authentication) (settings from environment (DATABRICKS_HOST, DATABRICKS_WAREHOUSE_ID))"
            ),
        ]
        for (label, output, environment, status, message) in cases {
            let commands = FakeCommandDirectory()
            if let output { commands.install("databricks", stdout: output.stdout, stderr: output.stderr, status: output.status) }
            var extra = environment
            extra["PATH"] = commands.path + ":/usr/bin:/bin"
            for outcome in [try harness.query(extra), try harness.describe(extra)] {
                XCTAssertEqual(outcome.status, status, "\(label): \(outcome.stdout)")
                XCTAssertEqual(outcome.json?["error"]?["message"], .string(message), label)
                XCTAssertEqual(outcome.stderr.contains("Error: " + message), true, "\(label): \(outcome.stderr)")
            }
        }
        XCTAssertEqual(try harness.apiRequests().count, 0, "nothing is sent without a token")
    }

    /// A workspace that quotes the Authorization header in its error: the CLI's token is redacted.
    func testDatabricksCLI_TokenEchoedByTheWorkspaceIsRedacted() throws {
        installDatabricks(expiringIn: 3600)
        let hostile = try HostileDatabricksServer(.echo401)
        let outcome = try harness.query(["DATABRICKS_HOST": hostile.host])
        XCTAssertEqual(outcome.status, 73, outcome.stdout)
        XCTAssertEqual(
            outcome.json?["error"]?["message"],
            .string("POST /api/2.0/sql/statements failed with HTTP 401 UNAUTHENTICATED: saw Authorization: Bearer [REDACTED]"))
    }

    /// `azure-cli`: the token `az account get-access-token` prints for the Azure Databricks resource.
    func testAzureCLI_TokenAndFailure() throws {
        let expiresOn = Int(Date().timeIntervalSince1970) + 3600
        harness.commands.install(
            "az",
            stdout:
                #"{"accessToken": "\#(Self.azToken)", "expiresOn": "2030-01-01 00:00:00.000000", "expires_on": \#(expiresOn), "subscription": "s", "tenant": "t-1", "tokenType": "Bearer"}"#
        )
        let environment: [String: String?] = ["DATABRICKS_AUTH_TYPE": "azure-cli", "ARM_TENANT_ID": "t-1"]
        let outcome = try harness.query(environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let command = "account get-access-token --resource 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --output json --tenant t-1"
        XCTAssertEqual(harness.commands.calls("az"), [command])
        XCTAssertTrue(try harness.apiRequests().allSatisfy { $0["authorization"] == .string("Bearer " + Self.azToken) })
        let described = try harness.describe(environment)
        XCTAssertEqual(described.status, 0, described.stdout)
        XCTAssertEqual(described.json?["data"]?["auth_type"], .string("azure-cli"))
        XCTAssertEqual(described.json?["data"]?["token"]?["obtained"], .bool(true))

        // An expiry beyond any count of seconds: the token is used, and describe cannot say when it expires.
        harness.commands.install("az", stdout: #"{"accessToken": "\#(Self.azToken)", "expires_on": "1e300", "tokenType": "Bearer"}"#)
        let distant = try harness.describe(environment)
        XCTAssertEqual(distant.status, 0, distant.stdout)
        XCTAssertEqual(distant.json?["data"]?["token"]?["expires_in_seconds"], .null)

        harness.commands.install("az", stdout: "", stderr: "ERROR: Please run 'az login' to setup account.\n", status: 1)
        let failed = try harness.query(environment)
        XCTAssertEqual(failed.status, 73, failed.stdout)
        XCTAssertEqual(
            failed.json?["error"]?["message"],
            .string("'az \(command)' failed (exit status 1): ERROR: Please run 'az login' to setup account.; run 'az login --tenant t-1'"))
    }
}
