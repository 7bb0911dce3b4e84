import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// External-link downloads: https (or loopback http) only, never an `Authorization` header, redirects followed.
final class ExternalLinkTransportTests: XCTestCase {
    func testAllowedLinks_GoWithoutAuthorizationAndFollowRedirects() async throws {
        let links = [
            "https://bucket.s3.us-west-2.amazonaws.com/chunk?X-Amz-Signature=s", "https://acct.blob.core.windows.net/c?sig=s",
            "http://127.0.0.1:8080/__external/0", "http://localhost/x", "http://[::1]:9/x",
        ]
        for link in links {
            let url = try XCTUnwrap(URL(string: link))
            let base = ScriptedTransport { _ in .json(200, "[]") }
            let headers = ["Authorization": "Bearer a", "AUTHORIZATION": "Bearer b", "authorization": "Bearer c", "x-ms-test": "1"]
            _ = try await ExternalLinkTransport(base: base).send(HTTPRequest(method: "GET", url: url, headers: headers, isIdempotent: true))
            XCTAssertEqual(base.requests.map(\.headers), [["x-ms-test": "1"]], link)
            XCTAssertEqual(base.requests.map(\.followsRedirects), [true], link)
            XCTAssertEqual(base.requests.map(\.url), [url], link)
        }
    }

    func testOtherLinks_AreRefusedBeforeSending() async throws {
        let links: [(String, String)] = [
            ("file:///etc/passwd", "file"), ("http://example.com/chunk", "http://example.com"),
            ("http://127.example.com/chunk", "http://127.example.com"), ("ftp://h/x", "ftp://h"), ("data:,x", "data"),
            ("gopher://127.0.0.1/x", "gopher://127.0.0.1"),
        ]
        for (link, place) in links {
            let url = try XCTUnwrap(URL(string: link))
            let base = ScriptedTransport { _ in .json(200, "[]") }
            do {
                _ = try await ExternalLinkTransport(base: base).send(HTTPRequest(method: "GET", url: url, isIdempotent: true))
                XCTFail("\(link) was downloaded")
            } catch {
                XCTAssertEqual(
                    error as? DatabricksError, .malformedResponse("refused an external link to \(place): not an https URL"), link)
            }
            XCTAssertEqual(base.requests.count, 0, link)
        }
    }
}
