import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import Databricks

/// Repro 10: whatever a server echoes, nothing `DatabricksBackend` reports (errors thrown by
/// `execute` or by the result stream, stream properties, statement ids, log lines) shows a credential.
final class DatabricksBackendRedactionTests: XCTestCase {
    private static let token = "dapi-unit-PLANTED"
    private static let accessToken = "eyJ-unit-access-PLANTED"
    private static let basic = Data("client-PLANTED:secret-PLANTED".utf8).base64EncodedString()

    private func backend(
        _ transport: ScriptedTransport, oauth: Bool = false, log: LockedBox<[String]>
    ) throws -> DatabricksBackend {
        var environment = ["DATABRICKS_HOST": "https://dbc-1.example.com", "DATABRICKS_WAREHOUSE_ID": "w"]
        if oauth {
            environment["DATABRICKS_CLIENT_ID"] = "client-PLANTED"
            environment["DATABRICKS_CLIENT_SECRET"] = "secret-PLANTED"
        } else {
            environment["DATABRICKS_TOKEN"] = Self.token
        }
        let config = try DatabricksConfig.resolve(DatabricksSettings(), environment: environment, homeDirectory: "/nonexistent")
        return DatabricksBackend(
            config: config, options: StatementOptions(), version: "test", transport: transport, clock: ManualClock(),
            log: { line in log.withLock { $0.append(line) } })
    }

    private func assertClean(_ texts: [String], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        for text in texts {
            for secret in [Self.token, Self.accessToken, Self.basic, "client-PLANTED", "secret-PLANTED"] {
                XCTAssertFalse(text.contains(secret), "\(label): \(text)", file: file, line: line)
            }
        }
    }

    /// The error's description and its details, keys sorted.
    private func report(_ error: any Error) -> String {
        let details = (error as? any ReportableError)?.details ?? [:]
        return "\(error) " + JSONWriter().string(.object(JSONObject(details.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
    }

    private static let statement = BoundStatement(name: "q", inlinedSQL: "SELECT 1", nativeSQL: "SELECT 1", parameters: [])

    /// A statement whose id is the caller's credential fails with a message quoting it.
    func testFailedStatementEchoingTheCredential() async throws {
        let transport = ScriptedTransport { request in
            let credential = (request.headers["Authorization"] ?? "").split(separator: " ").last.map(String.init) ?? ""
            if request.method == "POST" { return .json(200, #"{"statement_id": "\#(credential)", "status": {"state": "PENDING"}}"#) }
            return .json(
                200,
                #"{"statement_id": "\#(credential)", "status": {"state": "FAILED", "error": {"error_code": "\#(credential)", "message": "saw Bearer \#(credential)"}}}"#
            )
        }
        let log = LockedBox<[String]>([])
        let backend = try backend(transport, log: log)
        do {
            _ = try await backend.execute(Self.statement)
            XCTFail("the statement succeeded")
        } catch {
            XCTAssertEqual(
                report(error),
                #"statement [REDACTED] failed ([REDACTED]): saw Bearer [REDACTED] {"error_class":null,"error_code":"[REDACTED]","sql_state":null,"statement_id":"[REDACTED]"}"#
            )
        }
        XCTAssertEqual(backend.statementIDs, ["[REDACTED]"])
        XCTAssertEqual(log.withLock { $0.count }, 2)
        XCTAssertTrue(log.withLock { $0 }.last?.hasPrefix("HTTP GET /api/2.0/sql/statements/[REDACTED] → 200") == true)
        assertClean(log.withLock { $0 }, "log")
    }

    /// The failure of a later chunk arrives through the result stream.
    func testChunkErrorEchoingTheCredential_ThroughTheStream() async throws {
        let transport = ScriptedTransport { request in
            if request.method == "GET" {
                return .json(401, #"{"error_code": "UNAUTHENTICATED", "message": "saw \#(request.headers["Authorization"] ?? "")"}"#)
            }
            return .json(
                200,
                #"{"statement_id": "\#(Self.token)", "status": {"state": "SUCCEEDED"}, "manifest": {"schema": {"columns": [{"name": "n", "type_name": "INT"}]}}, "result": {"chunk_index": 0, "row_offset": 0, "row_count": 1, "data_array": [["1"]], "next_chunk_internal_link": "/api/2.0/sql/statements/s/result/chunks/1"}}"#
            )
        }
        let log = LockedBox<[String]>([])
        let stream = try await backend(transport, log: log).execute(Self.statement)
        XCTAssertEqual(stream.properties["statement_id"], .string("[REDACTED]"))
        do {
            while try await stream.batch() != nil {}
            XCTFail("the failing chunk was not reported")
        } catch {
            XCTAssertEqual(
                report(error),
                #"GET /api/2.0/sql/statements/s/result/chunks/1 failed with HTTP 401 UNAUTHENTICATED: saw Bearer [REDACTED] {"attempts":1,"error_code":"UNAUTHENTICATED","http_status":401}"#
            )
        }
        assertClean(log.withLock { $0 }, "log")
    }

    /// OAuth: the Basic credentials and the access token issued later.
    func testOAuthCredentialsAndAccessToken() async throws {
        let transport = ScriptedTransport { request in
            if request.url.path == "/oidc/v1/token" { return .json(200, #"{"access_token": "\#(Self.accessToken)", "expires_in": 3600}"#) }
            return .json(
                403,
                #"{"error_code": "PERMISSION_DENIED", "message": "saw \#(request.headers["Authorization"] ?? ""), not Basic \#(Self.basic) for client-PLANTED:secret-PLANTED"}"#
            )
        }
        let log = LockedBox<[String]>([])
        do {
            _ = try await backend(transport, oauth: true, log: log).execute(Self.statement)
            XCTFail("the statement succeeded")
        } catch {
            XCTAssertEqual(
                report(error),
                #"POST /api/2.0/sql/statements failed with HTTP 403 PERMISSION_DENIED: saw Bearer [REDACTED], not Basic [REDACTED] for [REDACTED] {"attempts":1,"error_code":"PERMISSION_DENIED","http_status":403}"#
            )
        }
        XCTAssertEqual(transport.requests.first?.headers["Authorization"], "Basic " + Self.basic)
    }
}
