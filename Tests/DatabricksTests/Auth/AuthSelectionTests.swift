import DBAPITestSupport
import XCTest

@testable import Databricks

/// Which auth method the settings choose: `auth_type` forces one, one configured method is used,
/// two are refused naming both, and with none GitHub Actions' token and then the Databricks CLI.
final class AuthSelectionTests: XCTestCase {
    private let tools = FakeCommandDirectory()

    private func resolve(_ environment: [String: String], file: String? = nil) throws -> DatabricksConfig {
        let home = TemporaryDirectory()
        if let file { home.write(".databrickscfg", file) }
        var environment = environment
        environment["DATABRICKS_WAREHOUSE_ID"] = "w"
        if environment["DATABRICKS_HOST"] == nil, file == nil { environment["DATABRICKS_HOST"] = "https://h.example.com" }
        return try withExtendedLifetime(home) {
            try DatabricksConfig.resolve(DatabricksSettings(), environment: environment, homeDirectory: home.path)
        }
    }

    func testChoice_ByAuthTypeConfigurationAndDefaultChain() throws {
        tools.install("databricks", stdout: "{}")
        tools.install("az", stdout: "{}")
        let path = tools.path + ":/usr/bin"
        let github = ["ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.actions.example.com/x?v=1", "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "rt"]
        let principal = AzureServicePrincipal(
            clientID: "a", clientSecret: "s", tenantID: "t", cloud: try XCTUnwrap(AzureCloud.named("USGOVERNMENT")),
            workspaceResourceID: "/subscriptions/1")
        let cases: [(String, [String: String], DatabricksConfig.Authentication)] = [
            ("pat", ["DATABRICKS_TOKEN": "t", "PATH": path], .personalAccessToken("t")),
            ("CLI on PATH", ["PATH": path], .databricksCLI(executable: tools.path + "/databricks", profile: nil)),
            ("CLI asked for, not on PATH", ["DATABRICKS_AUTH_TYPE": "databricks-cli"], .databricksCLI(executable: nil, profile: nil)),
            (
                "az asked for", ["DATABRICKS_AUTH_TYPE": "azure-cli", "PATH": path],
                .azureCLI(executable: tools.path + "/az", tenantID: nil)
            ),
            (
                "azure-client-secret",
                [
                    "ARM_CLIENT_ID": "a", "ARM_CLIENT_SECRET": "s", "ARM_TENANT_ID": "t", "ARM_ENVIRONMENT": "usgovernment",
                    "DATABRICKS_AZURE_RESOURCE_ID": "/subscriptions/1", "PATH": path,
                ],
                .azureClientSecret(principal)
            ),
            (
                "env-oidc", ["DATABRICKS_OIDC_TOKEN": "jwt", "DATABRICKS_CLIENT_ID": "c", "PATH": path],
                .workloadIdentity(WorkloadIdentity(subject: .environment(variable: "DATABRICKS_OIDC_TOKEN", value: "jwt"), clientID: "c"))
            ),
            (
                "env-oidc, own variable", ["DATABRICKS_OIDC_TOKEN_ENV": "MY_JWT", "MY_JWT": "j2", "DATABRICKS_TOKEN_AUDIENCE": "aud"],
                .workloadIdentity(WorkloadIdentity(subject: .environment(variable: "MY_JWT", value: "j2"), audience: "aud"))
            ),
            (
                "file-oidc", ["DATABRICKS_OIDC_TOKEN_FILEPATH": "/run/jwt", "DATABRICKS_CLIENT_ID": "c"],
                .workloadIdentity(WorkloadIdentity(subject: .file(path: "/run/jwt"), clientID: "c"))
            ),
            (
                "github, ambient with a client id", github.merging(["DATABRICKS_CLIENT_ID": "c", "PATH": path]) { $1 },
                .workloadIdentity(
                    WorkloadIdentity(
                        subject: .github(
                            requestURL: try XCTUnwrap(URL(string: github["ACTIONS_ID_TOKEN_REQUEST_URL"] ?? "")), requestToken: "rt"),
                        clientID: "c"))
            ),
            ("github variables alone do not outrank a PAT", github.merging(["DATABRICKS_TOKEN": "t"]) { $1 }, .personalAccessToken("t")),
            (
                "auth_type picks one of two", ["DATABRICKS_TOKEN": "t", "ARM_CLIENT_SECRET": "s", "DATABRICKS_AUTH_TYPE": "pat"],
                .personalAccessToken("t")
            ),
        ]
        for (label, environment, expected) in cases {
            XCTAssertEqual(try resolve(environment).authentication, expected, label)
        }
        let profile = "[p]\nhost = https://h.example.com\nauth_type = databricks-cli\n[__settings__]\ndefault_profile = p\n"
        XCTAssertEqual(try resolve(["PATH": "/nowhere"], file: profile).authentication, .databricksCLI(executable: nil, profile: "p"))
    }

    func testProblems_NameWhatIsMissingOrAmbiguous() {
        let cases: [(String, [String: String], String)] = [
            (
                "pat and azure", ["DATABRICKS_TOKEN": "t", "ARM_CLIENT_SECRET": "s"],
                "more than one authorization method configured: azure-client-secret and pat; set DATABRICKS_AUTH_TYPE to choose one"
            ),
            (
                "m2m and env-oidc", ["DATABRICKS_CLIENT_ID": "c", "DATABRICKS_CLIENT_SECRET": "s", "DATABRICKS_OIDC_TOKEN": "j"],
                "more than one authorization method configured: env-oidc and oauth-m2m; set DATABRICKS_AUTH_TYPE to choose one"
            ),
            (
                "azure without secret", ["DATABRICKS_AUTH_TYPE": "azure-client-secret", "ARM_CLIENT_ID": "a", "ARM_TENANT_ID": "t"],
                "auth type azure-client-secret needs ARM_CLIENT_SECRET (or the profile's azure_client_id, azure_client_secret)"
            ),
            (
                "unknown cloud", ["ARM_CLIENT_ID": "a", "ARM_CLIENT_SECRET": "s", "ARM_TENANT_ID": "t", "ARM_ENVIRONMENT": "mars"],
                "ARM_ENVIRONMENT 'mars' is not an Azure cloud; use PUBLIC, USGOVERNMENT or CHINA"
            ),
            (
                "github without variables", ["DATABRICKS_AUTH_TYPE": "github-oidc", "DATABRICKS_CLIENT_ID": "c"],
                "auth type github-oidc needs ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which GitHub Actions sets for a job with 'permissions: id-token: write'"
            ),
            (
                "github over plain http",
                [
                    "DATABRICKS_AUTH_TYPE": "github-oidc", "ACTIONS_ID_TOKEN_REQUEST_URL": "http://example.com/t",
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN": "r",
                ],
                "ACTIONS_ID_TOKEN_REQUEST_URL must use https (plain http is allowed only for loopback addresses)"
            ),
            (
                "env-oidc without the token", ["DATABRICKS_AUTH_TYPE": "env-oidc", "DATABRICKS_OIDC_TOKEN_ENV": "JWT"],
                "auth type env-oidc needs an OIDC token in the environment variable JWT"
            ),
            (
                "test endpoint not loopback",
                [
                    "ARM_CLIENT_ID": "a", "ARM_CLIENT_SECRET": "s", "ARM_TENANT_ID": "t",
                    "DBAPI_TEST_ENTRA_URL": "https://login.example.com/",
                ],
                "DBAPI_TEST_ENTRA_URL is a test-only setting and must be a loopback address (127.0.0.0/8, ::1, localhost)"
            ),
        ]
        for (label, environment, message) in cases {
            XCTAssertThrowsError(try resolve(environment), label) { error in
                XCTAssertEqual((error as? DatabricksError)?.code, .configuration, label)
                let text = (error as? DatabricksError)?.description ?? ""
                XCTAssertTrue(text.hasPrefix(message + " (settings from "), "\(label): \(text)")
            }
        }
    }
}
