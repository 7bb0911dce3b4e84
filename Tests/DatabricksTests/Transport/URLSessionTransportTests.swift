import DBAPICore
import DBAPITestSupport
import Databricks
import Foundation
import XCTest

/// The real transport against scripts/fake_databricks.py: bodies collected whole and in order,
/// with and without `Content-Length`, several at once; failures as the retry logic expects them.
final class URLSessionTransportTests: XCTestCase {
    private var server: FakeDatabricksServer!
    private let transport = URLSessionTransport(timeout: 10)

    override func setUpWithError() throws {
        server = try FakeDatabricksServer()
    }

    override func tearDown() {
        server = nil
    }

    private func request(_ method: String, _ path: String, body: String? = nil) throws -> HTTPRequest {
        let url = try XCTUnwrap(URL(string: server.host + path))
        return HTTPRequest(
            method: method, url: url, headers: ["Authorization": "Bearer dapi-test-token", "Content-Type": "application/json"],
            body: body.map { Data($0.utf8) }, isIdempotent: method == "GET")
    }

    /// Submits a synthetic statement of `rows` rows in `chunks` chunks; its id.
    private func statement(rows: Int, chunks: Int) async throws -> String {
        try server.control(#"{"synthetic": {"rows": \#(rows), "chunks": \#(chunks)}}"#)
        let response = try await transport.send(
            request("POST", "/api/2.0/sql/statements", body: #"{"statement": "SELECT * FROM big", "warehouse_id": "wh"}"#))
        XCTAssertEqual(response.status, 200)
        return try XCTUnwrap(JSONParser.parse(bytes: response.body)["statement_id"]?.string)
    }

    /// Every chunk's body, all requested at once.
    private func chunkBodies(_ id: String, count: Int) async throws -> [[UInt8]] {
        let requests = try (0..<count).map { try request("GET", "/api/2.0/sql/statements/\(id)/result/chunks/\($0)") }
        return try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask { [transport] in
                    let response = try await transport.send(request)
                    XCTAssertEqual(response.status, 200)
                    return (index, response.body)
                }
            }
            var bodies = Array(repeating: [UInt8](), count: count)
            for try await (index, body) in group { bodies[index] = body }
            return bodies
        }
    }

    func testBodies_AreWholeAndInOrder_WithAndWithoutContentLength() async throws {
        let id = try await statement(rows: 24_000, chunks: 4)
        let declared = try await chunkBodies(id, count: 4)
        try server.control(#"{"chunked_transfer": true}"#)
        let chunked = try await chunkBodies(id, count: 4)
        XCTAssertEqual(chunked, declared)
        for (index, body) in declared.enumerated() {
            XCTAssertGreaterThan(body.count, 300_000, "many receive callbacks per body")
            let json = try JSONParser.parse(bytes: body)
            XCTAssertEqual(json["chunk_index"], .int(Int64(index)))
            XCTAssertEqual(json["row_offset"], .int(Int64(index * 6_000)))
            XCTAssertEqual(json["data_array"]?.array?.count, 6_000)
            XCTAssertEqual(json["data_array"]?.array?.last?.array?.first, .string(String(index * 6_000 + 5_999)))
        }
    }

    func testErrorStatus_KeepsItsBodyAndHeaders() async throws {
        try server.control(#"{"http_errors": [{"path": "statements/x", "status": 429, "retry_after": 7, "body": "SLOW_DOWN: busy"}]}"#)
        let response = try await transport.send(request("GET", "/api/2.0/sql/statements/x"))
        XCTAssertEqual(response.status, 429)
        XCTAssertEqual(response.header("retry-after"), "7")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "SLOW_DOWN: busy")
    }

    func testCancellation_EndsTheRequestWithCancellationError() async throws {
        let id = try await statement(rows: 10, chunks: 2)
        try server.control(#"{"chunk_delay": 5}"#)
        let chunk = try request("GET", "/api/2.0/sql/statements/\(id)/result/chunks/1")
        let started = Date()
        let task = Task { [transport] in try await transport.send(chunk) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled request returned")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, "did not wait for the server's answer")
    }

    func testAlreadyCancelledTask_SendsNothing() async throws {
        let poll = try request("GET", "/api/2.0/sql/statements/unknown")
        let task = Task { [transport] in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(poll)
        }
        do {
            _ = try await task.value
            XCTFail("a cancelled task sent its request")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(try server.requests().filter { $0["path"]?.string == poll.url.path }.count, 0)
    }

    /// Repro 11: a redirect is returned, not followed, unless the request follows redirects; then the
    /// next request goes without the `Authorization` header.
    func testRedirects_ReturnedUnlessFollowed_AndFollowedWithoutAuthorization() async throws {
        let hostile = try HostileDatabricksServer(.redirect)
        let url = try XCTUnwrap(URL(string: hostile.host + "/api/2.0/sql/statements"))
        let headers = ["Authorization": "Bearer dapi-test-token"]
        let refused = try await transport.send(
            HTTPRequest(method: "POST", url: url, headers: headers, body: Data("{}".utf8), isIdempotent: false))
        XCTAssertEqual(refused.status, 307)
        XCTAssertEqual(refused.header("Location"), "http://127.0.0.1:\(hostile.otherPort)/api/2.0/sql/statements")
        XCTAssertEqual(try hostile.requests().filter { $0["server"] == .string("other") }, [])
        let followed = try await transport.send(
            HTTPRequest(method: "GET", url: url, headers: headers, isIdempotent: true, followsRedirects: true))
        XCTAssertEqual(followed.status, 401, "the other origin answered")
        XCTAssertEqual(
            try hostile.requests().map { [$0["server"], $0["method"], $0["authorization"]] },
            [
                [.string("main"), .string("POST"), .string("Bearer dapi-test-token")],
                [.string("main"), .string("GET"), .string("Bearer dapi-test-token")], [.string("other"), .string("GET"), .null],
            ])
    }

    /// A followed redirect must lead to a URL an external link may have: not `file:`.
    func testRedirectToAFileURL_IsNotFollowed() async throws {
        let hostile = try HostileDatabricksServer(.linkRedirect)
        let url = try XCTUnwrap(URL(string: hostile.host + "/__external/file"))
        let response = try await transport.send(HTTPRequest(method: "GET", url: url, isIdempotent: true, followsRedirects: true))
        XCTAssertEqual(response.status, 302)
        XCTAssertEqual(response.header("Location"), "file://localhost/etc/passwd")
        XCTAssertFalse(String(decoding: response.body, as: UTF8.self).contains("root:"))
    }

    func testRefusedConnection_IsATransportErrorThatWasNotSent() async throws {
        let closed = try XCTUnwrap(URL(string: "http://127.0.0.1:1/api/2.0/sql/statements"))
        do {
            _ = try await transport.send(HTTPRequest(method: "POST", url: closed, isIdempotent: false))
            XCTFail("a request to a closed port returned")
        } catch let error as TransportError {
            XCTAssertTrue(error.wasNotSent, error.message)
        }
    }
}
