import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// Where `APIClient` sends requests (only to plain absolute paths on the configured host, never
/// following a redirect), and when it sends them again: the backoff, `Retry-After`, the retry
/// budget and which failures are retried, on a manual clock.
final class APIClientTests: XCTestCase {
    private static let host = "https://dbc-1.example.com"
    private static let path = "/api/2.0/sql/statements"

    /// A client on `clock` whose jitter factors are `jitters` in turn (then 1).
    private func client(
        _ transport: ScriptedTransport, clock: ManualClock = ManualClock(), policy: RetryPolicy = RetryPolicy(), jitters: [Double] = []
    ) throws -> APIClient {
        let config = try DatabricksConfig.resolve(
            DatabricksSettings(),
            environment: ["DATABRICKS_HOST": Self.host, "DATABRICKS_TOKEN": "dapi-unit", "DATABRICKS_WAREHOUSE_ID": "w"],
            homeDirectory: "/nonexistent")
        let jitter = LockedBox(jitters[...])
        return APIClient(
            config: config, transport: transport, secrets: SecretRedactor(config.authentication), policy: policy, clock: clock,
            userAgent: "test", log: { _ in }, jitter: { jitter.withLock { $0.popFirst() } ?? 1 })
    }

    private static let failure = HTTPResponse.json(503, #"{"error_code": "TEMPORARILY_UNAVAILABLE", "message": "busy"}"#)

    private static func unavailable(attempts: Int) -> DatabricksError {
        .http(
            status: 503, errorCode: "TEMPORARILY_UNAVAILABLE", message: "busy", method: "GET", path: path, attempts: attempts)
    }

    /// Waits double from `baseDelay`, stop growing at `maxDelay`, and are each multiplied by the
    /// jitter drawn for that attempt; after `maxAttempts` requests the last failure is the error.
    func testBackoff_DoublesUpToTheCapTimesEachJitter() async throws {
        var capped = RetryPolicy()
        capped.maxAttempts = 10
        let cases: [(policy: RetryPolicy, jitters: [Double], sleeps: [Double])] = [
            (RetryPolicy(), [], [0.25, 0.5, 1, 2, 4]),
            (RetryPolicy(), [1, 0.5, 0.75, 1, 0.5], [0.25, 0.25, 0.75, 2, 2]),
            (capped, [], [0.25, 0.5, 1, 2, 4, 8, 10, 10, 10]),
            (capped, Array(repeating: 0.5, count: 9), [0.125, 0.25, 0.5, 1, 2, 4, 5, 5, 5]),
        ]
        for (policy, jitters, sleeps) in cases {
            let transport = ScriptedTransport { _ in Self.failure }
            let clock = ManualClock()
            do {
                _ = try await client(transport, clock: clock, policy: policy, jitters: jitters).get(Self.path)
                XCTFail("an endless 503 was accepted")
            } catch {
                XCTAssertEqual(error as? DatabricksError, Self.unavailable(attempts: policy.maxAttempts), "\(jitters)")
            }
            XCTAssertEqual(clock.sleeps, sleeps, "jitters \(jitters)")
            XCTAssertEqual(transport.requests.count, policy.maxAttempts, "jitters \(jitters)")
        }
    }

    /// `Retry-After` in seconds replaces a shorter backoff and may exceed `maxDelay` (up to 300 s,
    /// and only within the budget); an HTTP date, a non-number or a negative value leaves the backoff.
    func testRetryAfter_SecondsAreHonoured_DatesAreIgnored() async throws {
        let cases: [(header: String, sleeps: [Double], requests: Int)] = [
            ("7", [7], 2),
            (" 12 ", [12], 2),
            ("0.5", [0.5], 2),
            ("0", [0.25], 2),
            ("30", [30], 2),
            ("119", [119], 2),
            ("120", [], 1),
            ("100000", [], 1),
            ("Wed, 21 Oct 2015 07:28:00 GMT", [0.25], 2),
            ("-5", [0.25], 2),
            ("soon", [0.25], 2),
            ("nan", [0.25], 2),
            ("inf", [0.25], 2),
            ("", [0.25], 2),
        ]
        for status in [429, 503] {
            for (header, sleeps, requests) in cases {
                let busy = HTTPResponse.json(status, #"{"message": "busy"}"#, headers: ["Retry-After": header])
                let transport = ScriptedTransport(answers: [.success(busy), .success(.json(200, "{}"))])
                let clock = ManualClock()
                let outcome = await Result {
                    try await client(transport, clock: clock).post(Self.path, .object(JSONObject()), isIdempotent: false)
                }
                XCTAssertEqual(clock.sleeps, sleeps, "HTTP \(status), Retry-After: \(header)")
                XCTAssertEqual(transport.requests.count, requests, "HTTP \(status), Retry-After: \(header)")
                if requests == 1 {
                    XCTAssertEqual(
                        outcome.error as? DatabricksError,
                        .http(status: status, errorCode: nil, message: "busy", method: "POST", path: Self.path, attempts: 1), header)
                } else {
                    XCTAssertNil(outcome.error, header)
                }
            }
        }
    }

    /// All retries together stay within `budget` seconds from the first request, the time spent
    /// waiting for answers included: a retry whose wait would reach the budget is not made, for a
    /// failed HTTP answer and a failed connection alike.
    func testRetryBudget_CountsWaitsAndRequestTime() async throws {
        var policy = RetryPolicy()
        policy.maxAttempts = 100
        policy.budget = 5
        let connectionLost = TransportError(message: "connection lost", wasNotSent: false)
        let cases: [(label: String, latency: Double, answer: ScriptedTransport.Answer, sleeps: [Double])] = [
            ("503, instant answers", 0, .success(Self.failure), [0.25, 0.5, 1, 2]),
            ("503, answers after 1 s", 1, .success(Self.failure), [0.25, 0.5, 1]),
            ("connection lost, instant", 0, .failure(connectionLost), [0.25, 0.5, 1, 2]),
            ("connection lost after 1 s", 1, .failure(connectionLost), [0.25, 0.5, 1]),
        ]
        for (label, latency, answer, sleeps) in cases {
            let clock = ManualClock()
            let transport = ScriptedTransport { _ in
                clock.advance(by: latency)
                return try answer.get()
            }
            let outcome = await Result { try await client(transport, clock: clock, policy: policy).get(Self.path) }
            XCTAssertEqual(clock.sleeps, sleeps, label)
            XCTAssertEqual(transport.requests.count, sleeps.count + 1, label)
            switch answer {
            case .success: XCTAssertEqual(outcome.error as? DatabricksError, Self.unavailable(attempts: sleeps.count + 1), label)
            case .failure:
                XCTAssertEqual(
                    outcome.error as? DatabricksError,
                    .transport("connection lost", method: "GET", path: Self.path, attempts: sleeps.count + 1), label)
            }
        }
    }

    /// 429 and 503 are retried for any request; 500, 502 and 504 and a failure after the request
    /// may have left only when sending it again is harmless; a request that never left always;
    /// other statuses never. The error of a failure that is not retried is its first answer.
    func testWhatIsRetried_ByStatusAndIdempotence() async throws {
        let always: Set<Int> = [429, 503]
        let whenIdempotent: Set<Int> = [500, 502, 504]
        for status in [400, 401, 403, 404, 409, 429, 499, 500, 501, 502, 503, 504] {
            for isIdempotent in [false, true] {
                let label = "HTTP \(status), idempotent \(isIdempotent)"
                let failure = HTTPResponse.json(status, #"{"error_code": "X", "message": "no"}"#)
                let transport = ScriptedTransport(answers: [.success(failure), .success(.json(200, "{}"))])
                let clock = ManualClock()
                let outcome = await Result {
                    try await client(transport, clock: clock).post(Self.path, .object(JSONObject()), isIdempotent: isIdempotent)
                }
                let retried = always.contains(status) || (isIdempotent && whenIdempotent.contains(status))
                XCTAssertEqual(clock.sleeps, retried ? [0.25] : [], label)
                XCTAssertEqual(transport.requests.count, retried ? 2 : 1, label)
                XCTAssertEqual(
                    outcome.error as? DatabricksError,
                    retried ? nil : .http(status: status, errorCode: "X", message: "no", method: "POST", path: Self.path, attempts: 1),
                    label)
            }
        }
        for (wasNotSent, isIdempotent, retried) in [(true, false, true), (true, true, true), (false, false, false), (false, true, true)] {
            let label = "never sent \(wasNotSent), idempotent \(isIdempotent)"
            let lost = TransportError(message: "lost", wasNotSent: wasNotSent)
            let transport = ScriptedTransport(answers: [.failure(lost), .success(.json(200, "{}"))])
            let clock = ManualClock()
            let outcome = await Result {
                try await client(transport, clock: clock).post(Self.path, .object(JSONObject()), isIdempotent: isIdempotent)
            }
            XCTAssertEqual(clock.sleeps, retried ? [0.25] : [], label)
            XCTAssertEqual(
                outcome.error as? DatabricksError, retried ? nil : .transport("lost", method: "POST", path: Self.path, attempts: 1), label)
        }
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
