import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `azure-client-secret` and workload identity federation (`github-oidc`, `env-oidc`, `file-oidc`)
/// through the built binary, against a fake Entra ID and GitHub OIDC endpoint on 127.0.0.1.
final class SignInServicePrincipalTests: XCTestCase {
    private var harness: SignInHarness!
    private var identity: FakeIdentityServer!
    private static let resourceID = "/subscriptions/s-1/resourceGroups/g/providers/Microsoft.Databricks/workspaces/w"
    private static let envJWT = "env-jwt-PLANTED-4"
    private static let fileJWT = "file-jwt-PLANTED-5"

    override func setUpWithError() throws {
        harness = try SignInHarness()
        identity = try FakeIdentityServer()
        let issued = (1...6).flatMap { ["entra-databricks-\($0)", "entra-management-\($0)", "github-jwt-\($0)", "federated-token-\($0)"] }
        harness.secrets = issued + [identity.clientID, identity.clientSecret, identity.requestToken, Self.envJWT, Self.fileJWT]
        let accepted = (1...6).map { "\"entra-databricks-\($0)\"" }.joined(separator: ", ")
        let subjects = ["\"github-jwt-1\"", "\"github-jwt-2\"", "\"github-jwt-3\"", "\"\(Self.envJWT)\"", "\"\(Self.fileJWT)\""]
        try harness.server.control(
            #"{"accepted_tokens": [\#(accepted)], "federated_subjects": [\#(subjects.joined(separator: ", "))], "pending_polls": 1}"#)
    }

    override func tearDown() {
        harness = nil
        identity = nil
    }

    private var azure: [String: String?] {
        [
            "ARM_CLIENT_ID": identity.clientID, "ARM_CLIENT_SECRET": identity.clientSecret, "ARM_TENANT_ID": identity.tenant,
            "DBAPI_TEST_ENTRA_URL": identity.entraURL,
        ]
    }

    private var github: [String: String?] {
        [
            "ACTIONS_ID_TOKEN_REQUEST_URL": identity.githubURL, "ACTIONS_ID_TOKEN_REQUEST_TOKEN": identity.requestToken,
            "DATABRICKS_CLIENT_ID": "fed-client",
        ]
    }

    /// The Entra token signs every request; with the workspace's resource id, the management token
    /// and the id go along.
    func testAzureClientSecret_TokenAndResourceHeaders() throws {
        var environment = azure
        environment["DATABRICKS_AZURE_RESOURCE_ID"] = Self.resourceID
        let outcome = try harness.query(environment)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        let requests = try harness.apiRequests()
        XCTAssertEqual(requests.count, 2)
        for request in requests {
            XCTAssertEqual(request["authorization"], .string("Bearer entra-databricks-1"))
            XCTAssertEqual(request["management_token"], .string("entra-management-2"))
            XCTAssertEqual(request["workspace_resource_id"], .string(Self.resourceID))
        }
        let bodies = try identity.requests().map { "\($0["path"]?.string ?? "") \($0["body"]?.string ?? "")" }
        let form = "grant_type=client_credentials&client_id=\(identity.clientID)&client_secret=\(identity.clientSecret)&scope="
        XCTAssertEqual(
            bodies,
            [
                "/tenant-1/oauth2/v2.0/token " + form + "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d%2F.default",
                "/tenant-1/oauth2/v2.0/token " + form + "https%3A%2F%2Fmanagement.core.windows.net%2F.default",
            ])

        try harness.server.reset()
        try harness.server.control(#"{"accepted_tokens": ["entra-databricks-3"]}"#)
        let plain = try harness.query(azure)
        XCTAssertEqual(plain.status, 0, plain.stdout)
        XCTAssertEqual(try harness.apiRequests().first?["management_token"], .null, "no resource id, no management token")
    }

    /// Without ARM_TENANT_ID the workspace names its tenant (`GET /aad/auth` redirects to its login
    /// page); a workspace that does not is a configuration error saying what to set.
    func testAzureClientSecret_TenantFromTheWorkspace() throws {
        var environment = azure
        environment["ARM_TENANT_ID"] = nil
        let unnamed = try harness.query(environment)
        XCTAssertEqual(unnamed.status, 78, unnamed.stdout)
        XCTAssertEqual(
            unnamed.json?["error"]?["message"]?.string?.hasPrefix(
                "ARM_TENANT_ID is not set and the workspace did not name its Entra ID tenant (GET /aad/auth): set ARM_TENANT_ID (settings from"
            ),
            true, unnamed.stdout)
        try harness.server.control(#"{"aad_tenant": "\#(identity.tenant)"}"#)
        let outcome = try harness.query(environment)
        XCTAssertEqual(outcome.status, 0, outcome.stdout)
        XCTAssertEqual(try identity.requests().map { $0["path"]?.string ?? "" }, ["/tenant-1/oauth2/v2.0/token"])
        let discovery = try harness.server.requests().filter { $0["path"] == .string("/aad/auth") }
        XCTAssertEqual(discovery.map { $0["authorization"] }, [.null, .null], "asked without credentials")
    }

    func testAzureClientSecret_RefusedAndTestEndpointOnlyOnLoopback() throws {
        var wrong = azure
        wrong["ARM_CLIENT_SECRET"] = "wrong-secret-PLANTED"
        harness.secrets.append("wrong-secret-PLANTED")
        let refused = try harness.query(wrong)
        XCTAssertEqual(refused.status, 73)
        XCTAssertEqual(
            refused.json?["error"]?["message"]?.string?.hasPrefix(
                "POST /tenant-1/oauth2/v2.0/token failed with HTTP 401 UNAUTHENTICATED: Entra ID token request (PUBLIC cloud) was refused: AADSTS7000215: Invalid client secret provided: [REDACTED].; check ARM_CLIENT_ID, ARM_CLIENT_SECRET and ARM_TENANT_ID (environment ("
            ), true, refused.stdout)
        var elsewhere = azure
        elsewhere["DBAPI_TEST_ENTRA_URL"] = "https://login.example.com/"
        let outcome = try harness.describe(elsewhere)
        XCTAssertEqual(outcome.status, 78)
        XCTAssertEqual(
            outcome.json?["error"]?["message"],
            .string(
                "DBAPI_TEST_ENTRA_URL is a test-only setting and must be a loopback address (127.0.0.0/8, ::1, localhost) (settings from environment (DBAPI_TEST_ENTRA_URL))"
            ))
        XCTAssertEqual(try identity.requests().count, 1, "only the refused request")
    }

    /// GitHub Actions: the ID token for the workspace's token endpoint, exchanged for a Databricks
    /// token; a token lifetime under 40 s makes every request exchange a new one.
    func testGitHubOIDC_TokenIsExchangedAndRefreshed() throws {
        try harness.server.control(#"{"oauth_expires_in": 30}"#)
        let outcome = try harness.query(github)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        let requests = try harness.apiRequests()
        XCTAssertEqual(requests.map { $0["authorization"]?.string ?? "" }, ["Bearer federated-token-1", "Bearer federated-token-2"])
        let audience = "http%3A%2F%2F127.0.0.1%3A\(harness.server.port)%2Foidc%2Fv1%2Ftoken"
        let asked = try identity.requests()
        XCTAssertEqual(
            asked.map { $0["path"]?.string ?? "" }, Array(repeating: "/github-oidc?api-version=2.0&audience=" + audience, count: 2))
        XCTAssertEqual(asked.first?["authorization"], .string("Bearer " + identity.requestToken))
        let exchange = try harness.server.requests().first { $0["path"] == .string("/oidc/v1/token") }
        XCTAssertEqual(
            exchange?["body"],
            .string(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=github-jwt-1&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt&scope=all-apis&client_id=fed-client"
            ))
    }

    /// A refused GitHub request: the error quotes the request token, which is redacted.
    func testGitHubOIDC_RefusedRequestIsRedacted() throws {
        var environment = github
        environment["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "gh-wrong-PLANTED-8"
        harness.secrets.append("gh-wrong-PLANTED-8")
        for outcome in [try harness.query(environment), try harness.describe(environment)] {
            XCTAssertEqual(outcome.status, 73, outcome.stdout)
            XCTAssertEqual(
                outcome.json?["error"]?["message"],
                .string(
                    "GET /github-oidc failed with HTTP 401 UNAUTHENTICATED: GitHub Actions OIDC token request was refused: Bad credentials: Bearer [REDACTED]; does the job have 'permissions: id-token: write'?"
                ))
        }
    }

    /// Two configured methods without DATABRICKS_AUTH_TYPE are refused, naming both; with it, the
    /// one named is used.
    func testAmbiguity_TwoMethodsAreRefusedUnlessOneIsChosen() throws {
        var both = azure
        both["DATABRICKS_OIDC_TOKEN"] = Self.envJWT
        for outcome in [try harness.query(both), try harness.describe(both)] {
            XCTAssertEqual(outcome.status, 78, outcome.stdout)
            XCTAssertEqual(
                outcome.json?["error"]?["message"]?.string?.hasPrefix(
                    "more than one authorization method configured: azure-client-secret and env-oidc; set DATABRICKS_AUTH_TYPE to choose one (settings from environment ("
                ), true, outcome.stdout)
        }
        both["DATABRICKS_AUTH_TYPE"] = "azure-client-secret"
        let chosen = try harness.describe(both)
        XCTAssertEqual(chosen.status, 0, chosen.stdout)
        XCTAssertEqual(chosen.json?["data"]?["auth_type"], .string("azure-client-secret"))
    }

    func testEnvAndFileOIDC_AndARefusedExchange() throws {
        let file = TemporaryDirectory()
        file.write("token", Self.fileJWT + "\n")
        let cases: [(String, [String: String?], Int32)] = [
            ("env-oidc", ["DATABRICKS_OIDC_TOKEN": Self.envJWT, "DATABRICKS_CLIENT_ID": "fed-client"], 0),
            ("file-oidc", ["DATABRICKS_OIDC_TOKEN_FILEPATH": file.path + "/token", "DATABRICKS_CLIENT_ID": "fed-client"], 0),
            ("wrong client", ["DATABRICKS_OIDC_TOKEN": Self.envJWT, "DATABRICKS_CLIENT_ID": "other"], 73),
        ]
        for (label, environment, status) in cases {
            let outcome = try harness.query(environment)
            XCTAssertEqual(outcome.status, status, "\(label): \(outcome.stdout)")
            let described = try harness.describe(environment)
            XCTAssertEqual(described.status, status, "\(label): \(described.stdout)")
        }
        let refused = try harness.query(cases[2].1)
        XCTAssertEqual(
            refused.json?["error"]?["message"],
            .string(
                "POST /oidc/v1/token failed with HTTP 401 UNAUTHENTICATED: token exchange (env-oidc) was refused: no federation policy accepts this token; check DATABRICKS_CLIENT_ID and the service principal's federation policy (environment (DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_WAREHOUSE_ID))"
            ))
    }

    /// `auth describe` for each method: the type, the settings with where they came from (secrets
    /// and client ids not shown), and a token obtained.
    func testDescribe_EachMethod() throws {
        let host = "host=\(harness.server.host) from environment DATABRICKS_HOST"
        let warehouse = "warehouse_id=wh-test from environment DATABRICKS_WAREHOUSE_ID"
        harness.commands.install(
            "databricks",
            stdout: #"{"access_token": "cli-PLANTED-9", "token_type": "Bearer", "expiry": "\#(FakeCommandDirectory.expiry(in: 600))"}"#)
        harness.secrets.append("cli-PLANTED-9")
        let hidden = "(set, not shown)"
        let cases: [(String, [String: String?], [String])] = [
            ("pat", ["DATABRICKS_TOKEN": "dapi-PLANTED-7"], [host, "token=\(hidden) from environment DATABRICKS_TOKEN", warehouse]),
            ("databricks-cli", [:], [host, warehouse]),
            (
                "azure-client-secret", azure,
                [
                    host, warehouse, "azure_client_id=\(hidden) from environment ARM_CLIENT_ID",
                    "azure_client_secret=\(hidden) from environment ARM_CLIENT_SECRET",
                    "azure_tenant_id=tenant-1 from environment ARM_TENANT_ID",
                ]
            ),
            ("github-oidc", github, [host, "client_id=\(hidden) from environment DATABRICKS_CLIENT_ID", warehouse]),
        ]
        harness.secrets.append("dapi-PLANTED-7")
        for (type, environment, settings) in cases {
            let outcome = try harness.describe(environment)
            XCTAssertEqual(outcome.status, 0, "\(type): \(outcome.stdout)")
            XCTAssertEqual(outcome.json?["data"]?["host"], .string(harness.server.host), type)
            XCTAssertEqual(outcome.json?["data"]?["auth_type"], .string(type), type)
            XCTAssertEqual(outcome.json?["data"]?["token"]?["obtained"], .bool(true), type)
            XCTAssertEqual(SignInHarness.settings(outcome), settings, type)
            let left = outcome.json?["data"]?["token"]?["expires_in_seconds"]
            XCTAssertEqual(left == .null, type == "pat", "\(type): \(String(describing: left))")
        }
    }
}
