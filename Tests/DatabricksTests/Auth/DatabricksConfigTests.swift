import DBAPITestSupport
import XCTest

@testable import Databricks

final class DatabricksConfigTests: XCTestCase {
    private func resolve(_ environment: [String: String], file: String? = nil, settings: DatabricksSettings = DatabricksSettings()) throws
        -> DatabricksConfig
    {
        let home = TemporaryDirectory()
        if let file { home.write(".databrickscfg", file) }
        return try withExtendedLifetime(home) { try DatabricksConfig.resolve(settings, environment: environment, homeDirectory: home.path) }
    }

    func testEnvironment_PATAndHostNormalisation() throws {
        let config = try resolve([
            "DATABRICKS_HOST": "dbc-1.cloud.databricks.com:443/", "DATABRICKS_TOKEN": "dapi-1", "DATABRICKS_WAREHOUSE_ID": "w",
        ])
        XCTAssertEqual(config.host.absoluteString, "https://dbc-1.cloud.databricks.com")
        XCTAssertEqual(config.authentication, .personalAccessToken("dapi-1"))
        XCTAssertEqual(config.source, "environment (DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_WAREHOUSE_ID)")
    }

    func testProfiles_SelectionAndPrecedence() throws {
        let file = """
            [DEFAULT]
            host = https://default.example.com
            token = dapi-default
            warehouse_id = w-default

            [sp]
            host = https://sp.example.com
            client_id = id
            client_secret = secret
            warehouse_id = w-sp

            [__settings__]
            default_profile = sp
            """
        let fromSettings = try resolve([:], file: file)
        XCTAssertEqual(fromSettings.authentication, .oauthMachineToMachine(clientID: "id", clientSecret: "secret"))
        XCTAssertEqual(fromSettings.warehouseID, "w-sp")
        let explicit = try resolve(
            ["DATABRICKS_CONFIG_PROFILE": "DEFAULT"], file: file, settings: DatabricksSettings(warehouseID: "w-flag"))
        XCTAssertEqual(explicit.host.absoluteString, "https://default.example.com")
        XCTAssertEqual(explicit.warehouseID, "w-flag", "flags win over the profile")
        let environmentWins = try resolve(
            ["DATABRICKS_HOST": "https://env.example.com", "DATABRICKS_TOKEN": "t", "DATABRICKS_WAREHOUSE_ID": "w"], file: file)
        XCTAssertEqual(
            environmentWins.host.absoluteString, "https://env.example.com", "the file is skipped when the environment configures auth")
    }

    func testProblems_AreClearAndNeverShowSecrets() {
        let cases: [([String: String], String?, String)] = [
            ([:], nil, "no workspace host: set DATABRICKS_HOST or a profile in ~/.databrickscfg"),
            (
                [
                    "DATABRICKS_HOST": "https://h", "DATABRICKS_TOKEN": "dapi-secret", "DATABRICKS_CLIENT_ID": "id",
                    "DATABRICKS_CLIENT_SECRET": "s3cret", "DATABRICKS_WAREHOUSE_ID": "w",
                ],
                nil, "more than one authorization method configured: oauth-m2m and pat; set DATABRICKS_AUTH_TYPE to choose one"
            ),
            (
                ["DATABRICKS_HOST": "http://example.com", "DATABRICKS_TOKEN": "t", "DATABRICKS_WAREHOUSE_ID": "w"], nil,
                "DATABRICKS_HOST must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)"
            ),
            (
                ["DATABRICKS_HOST": "https://h", "DATABRICKS_TOKEN": "t"], nil,
                "no SQL warehouse: set DATABRICKS_WAREHOUSE_ID, --warehouse, or warehouse_id in the profile"
            ),
            (
                ["DATABRICKS_HOST": "https://h", "DATABRICKS_CLIENT_ID": "id", "DATABRICKS_WAREHOUSE_ID": "w"], nil,
                "OAuth M2M needs both DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET"
            ),
            (
                [
                    "DATABRICKS_HOST": "https://h", "DATABRICKS_TOKEN": "t", "DATABRICKS_AUTH_TYPE": "basic",
                    "DATABRICKS_WAREHOUSE_ID": "w",
                ], nil,
                "auth type 'basic' is not supported by dbapi; use one of pat, oauth-m2m, env-oidc, file-oidc, github-oidc, azure-client-secret, azure-cli, databricks-cli"
            ),
        ]
        for (environment, file, message) in cases {
            XCTAssertThrowsError(try resolve(environment, file: file), message) { error in
                let text = (error as? DatabricksError)?.description ?? ""
                XCTAssertTrue(text.hasPrefix(message + " (settings from "), text)
                XCTAssertFalse(text.contains("dapi-secret") || text.contains("s3cret"))
                XCTAssertEqual((error as? DatabricksError)?.code, .configuration)
            }
        }
        XCTAssertNoThrow(
            try resolve([
                "DATABRICKS_HOST": "https://h", "DATABRICKS_TOKEN": "t", "DATABRICKS_CLIENT_ID": "id", "DATABRICKS_CLIENT_SECRET": "s",
                "DATABRICKS_AUTH_TYPE": "pat", "DATABRICKS_WAREHOUSE_ID": "w",
            ]))
    }

    /// The host becomes an origin; plain http only for real loopback addresses.
    func testHost_OriginAndLoopback() {
        let accepted: [(String, String)] = [
            ("dbc-1.cloud.databricks.com:443/", "https://dbc-1.cloud.databricks.com"),
            ("https://adb-1.azuredatabricks.net/?o=1#", "https://adb-1.azuredatabricks.net"),
            ("HTTPS://Dbc-1.Example.com/some/path", "https://dbc-1.example.com"),
            ("https://h:8443", "https://h:8443"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.255.0.9", "http://127.255.0.9"),
            ("http://localhost:443", "http://localhost:443"),
            ("http://LOCALHOST:1", "http://localhost:1"),
            ("http://[::1]:8080", "http://[::1]:8080"),
        ]
        for (host, origin) in accepted {
            XCTAssertEqual(try DatabricksConfig.normalizedHost(host, source: "test").absoluteString, origin, host)
        }
        let notLoopback = [
            "http://example.com", "http://127.example.com", "http://127.0.0.1.nip.io", "http://127.0.0.1.", "http://127.1",
            "http://127.0.0.01", "http://127.0.0.256", "http://128.0.0.1", "http://0x7f.0.0.1", "http://localhost.example.com",
            "http://[::2]", "http://[::ffff:127.0.0.1]", "http://1127.0.0.1",
        ]
        for host in notLoopback {
            XCTAssertThrowsError(try DatabricksConfig.normalizedHost(host, source: "test"), host) { error in
                XCTAssertEqual(
                    error as? DatabricksError,
                    .configuration(
                        "DATABRICKS_HOST must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)",
                        source: "test"), host)
            }
        }
    }

    /// A user name or password in the host is refused without being echoed (repro 19).
    func testHost_UserInfoIsRefusedWithoutEchoingIt() {
        let hosts = [
            "http://user:PWD-SECRET@127.0.0.1:9", "https://user:PWD-SECRET@dbc-1.cloud.databricks.com", "PWD-SECRET@dbc-1.example.com",
            "https://dbc-1.example.com\\@PWD-SECRET", "https://u:PWD-SECRET/x@h", "https://:PWD-SECRET@h",
        ]
        for host in hosts {
            XCTAssertThrowsError(try resolve(["DATABRICKS_HOST": host, "DATABRICKS_TOKEN": "t", "DATABRICKS_WAREHOUSE_ID": "w"]), host) {
                let error = $0 as? DatabricksError
                XCTAssertEqual(error?.code, .configuration, host)
                XCTAssertEqual(
                    error?.description,
                    "DATABRICKS_HOST must not contain a user name or password ('@'); set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (settings from environment (DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_WAREHOUSE_ID))",
                    host)
            }
        }
    }

    func testErrorBodies_AllShapes() {
        let cases: [(String, String?, String)] = [
            (#"{"error_code": "INVALID_PARAMETER_VALUE", "message": "bad"}"#, "INVALID_PARAMETER_VALUE", "bad"),
            (#"{"error_code": 403, "message": "Invalid access token."}"#, "PERMISSION_DENIED", "Invalid access token."),
            (#"{"error": "legacy message"}"#, nil, "legacy message"),
            ("TEMPORARILY_UNAVAILABLE: try later", "TEMPORARILY_UNAVAILABLE", "try later"),
            ("<html><head><title>Bad Gateway</title></head></html>", nil, "Bad Gateway"),
            ("", nil, "Service Unavailable"),
        ]
        for (body, code, message) in cases {
            let parsed = APIClient.errorBody(HTTPResponse(status: 503, headers: [:], body: Array(body.utf8)))
            XCTAssertEqual(parsed.code, code, body)
            XCTAssertEqual(parsed.message, message, body)
        }
    }
}
