import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// Where `APIClient` sends requests: only to plain absolute paths on the configured host, never
/// following a redirect.
final class APIClientTests: XCTestCase {
    private static let host = "https://dbc-1.example.com"

    private func client(_ transport: ScriptedTransport) throws -> APIClient {
        let config = try DatabricksConfig.resolve(
            DatabricksSettings(),
            environment: ["DATABRICKS_HOST": Self.host, "DATABRICKS_TOKEN": "dapi-unit", "DATABRICKS_WAREHOUSE_ID": "w"],
            homeDirectory: "/nonexistent")
        return APIClient(
            config: config, transport: transport, secrets: SecretRedactor(config.authentication), sleeper: ImmediateSleeper(),
            userAgent: "test", log: { _ in })
    }

    /// Repro 18: a server-supplied path that is not a plain absolute path is refused, nothing sent.
    func testPathsThatCouldLeaveTheHost_AreRefusedBeforeSending() async throws {
        let refused = [
            "@127.0.0.1:9/api/2.0/sql/statements/s/result/chunks/1", "@evil.example.com/x", "//evil.example.com/api", "///x",
            "api/2.0/sql/statements", "", ":8080/api", ".evil.example.com/api", "http://evil.example.com/api", "/api/x@evil.example.com",
            "\\\\evil.example.com/x", "/api\\..\\x", "/api/ x", "/api/\n", "/api/\r\nHost: evil", "/api/\t", "/api/\0", "/api/\u{7F}",
            "/api/#@evil.example.com", "/api/é", "/api/\u{FF20}evil", "/api/\u{2215}x",
        ]
        for path in refused {
            let transport = ScriptedTransport { _ in .json(200, "{}") }
            do {
                _ = try await client(transport).get(path)
                XCTFail("\(path.debugDescription) was requested")
            } catch {
                XCTAssertEqual(
                    error as? DatabricksError,
                    .refusedPath(path, host: Self.host), path.debugDescription)
            }
            XCTAssertEqual(transport.requests.count, 0, path.debugDescription)
        }
    }

    func testPlainAbsolutePaths_GoToTheHost() async throws {
        let accepted = [
            "/api/2.0/sql/statements", "/api/2.0/sql/statements/01ef9de2-db21-16af/result/chunks/1",
            "/api/2.0/sql/statements/s/result/chunks/1?row_offset=432", "/api/2.0/sql/statements/a:b/c%2Fd",
        ]
        for path in accepted {
            let transport = ScriptedTransport { _ in .json(200, "{}") }
            _ = try await client(transport).get(path)
            XCTAssertEqual(transport.requests.map(\.url.absoluteString), [Self.host + path])
            XCTAssertEqual(transport.requests.first?.headers["Authorization"], "Bearer dapi-unit")
            XCTAssertEqual(transport.requests.first?.followsRedirects, false, path)
        }
    }

    /// Repro 11: a 3xx answer is an error, not retried; a Private Link rejection is PERMISSION_DENIED.
    func testRedirects_AreErrorsAndNotRetried() async throws {
        let cases: [(Int, String?, ErrorCode)] = [
            (307, "https://evil.example.com/api/2.0/sql/statements", .unavailable), (301, "http://dbc-1.example.com/", .unavailable),
            (308, nil, .unavailable), (302, "/login.html?error=private-link-validation-error", .permission),
        ]
        for (status, location, code) in cases {
            let transport = ScriptedTransport { _ in .json(status, "", headers: location.map { ["Location": $0] } ?? [:]) }
            for method in ["GET", "POST"] {
                do {
                    let client = try client(transport)
                    if method == "GET" {
                        _ = try await client.get("/api/2.0/sql/statements")
                    } else {
                        _ = try await client.post("/api/2.0/sql/statements", .object(JSONObject()), isIdempotent: true)
                    }
                    XCTFail("HTTP \(status) was accepted")
                } catch let error as DatabricksError {
                    XCTAssertEqual(
                        error, .redirected(status: status, location: location, method: method, path: "/api/2.0/sql/statements"), "\(status)"
                    )
                    XCTAssertEqual(error.code, code, "\(status)")
                    XCTAssertFalse(error.isRetryable, "\(status)")
                }
            }
            XCTAssertEqual(transport.requests.count, 2, "HTTP \(status): one request per call, not retried")
        }
        let noLocation = DatabricksError.redirected(status: 308, location: nil, method: "GET", path: "/p")
        XCTAssertEqual(
            noLocation.description,
            "GET /p was answered with HTTP 308, a redirect without a Location; dbapi does not follow redirects of workspace API requests (they carry the credentials): check DATABRICKS_HOST"
        )
        XCTAssertEqual(noLocation.details, ["http_status": .int(308)])
    }
}
