import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// OAuth M2M access tokens are reused until `earlyRefresh` seconds before they expire, on the
/// backend's clock.
final class AccessTokenProviderTests: XCTestCase {
    func testOAuthToken_IsRefreshedFortySecondsBeforeItExpires() async throws {
        let config = try DatabricksConfig.resolve(
            DatabricksSettings(),
            environment: [
                "DATABRICKS_HOST": "https://dbc-1.example.com", "DATABRICKS_CLIENT_ID": "client", "DATABRICKS_CLIENT_SECRET": "secret",
                "DATABRICKS_WAREHOUSE_ID": "w",
            ],
            homeDirectory: "/nonexistent")
        let issued = LockedBox(0)
        let transport = ScriptedTransport { _ in
            let number = issued.withLock { count in
                count += 1
                return count
            }
            return .json(200, #"{"access_token": "token-\#(number)", "token_type": "Bearer", "expires_in": 100}"#)
        }
        let clock = ManualClock()
        let provider = AccessTokenProvider(
            config: config, transport: transport, secrets: SecretRedactor(config.authentication), clock: clock)
        let steps: [(advance: Double, header: String)] = [
            (0, "Bearer token-1"),  // issued at 0, expires at 100
            (59, "Bearer token-1"),  // 41 s left
            (1, "Bearer token-2"),  // 40 s left: refreshed at 60, expires at 160
            (59, "Bearer token-2"),
            (1, "Bearer token-3"),
        ]
        for (advance, header) in steps {
            clock.advance(by: advance)
            let authorization = try await provider.headers()["Authorization"]
            XCTAssertEqual(authorization, header, "at \(clock.now()) s")
        }
        XCTAssertEqual(transport.lines, Array(repeating: "POST /oidc/v1/token", count: 3))
    }
}
