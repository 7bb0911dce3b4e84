import DBAPICore
import Foundation

/// Authenticated JSON calls to the workspace REST API with retries, error parsing and logging.
final class APIClient: Sendable {
    let config: DatabricksConfig
    private let transport: any HTTPTransport
    private let tokens: AccessTokenProvider
    private let policy: RetryPolicy
    private let clock: any BackendClock
    private let log: @Sendable (String) -> Void
    private let userAgent: String
    private let jitter: @Sendable () -> Double
    /// Requests sent so far, including retries (reported in `meta`).
    let attempts = LockedBox(0)

    /// - Parameters:
    ///   - secrets: learns each OAuth access token as it is issued;
    ///   - clock: times the retries (and token expiry), and waits between them;
    ///   - log: receives one line per HTTP exchange (redacted by the caller);
    ///   - jitter: the factor in 0.5…1 each backoff is multiplied by.
    init(
        config: DatabricksConfig, transport: any HTTPTransport, secrets: SecretRedactor, policy: RetryPolicy = RetryPolicy(),
        clock: any BackendClock = SystemClock(), userAgent: String, log: @escaping @Sendable (String) -> Void,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1) }
    ) {
        self.config = config
        self.transport = transport
        self.tokens = AccessTokenProvider(config: config, transport: transport, secrets: secrets, clock: clock)
        self.policy = policy
        self.clock = clock
        self.userAgent = userAgent
        self.log = log
        self.jitter = jitter
    }

    /// `GET path` (or a full URL path from the server) → JSON.
    func get(_ path: String) async throws -> APIResponse {
        try await call("GET", path, body: nil, isIdempotent: true)
    }

    /// Reads a response's `data_array` where it stands while the rest is parsed: given the body and
    /// the offset of its `[`, the rows and the offset just past its `]`.
    typealias DataArrayReader = @Sendable ([UInt8], Int) throws(DatabricksError) -> (batch: RowBatch, end: Int)

    /// `GET path` of a response whose `data_array` `reader` decodes during the parse (one pass over
    /// the chunk instead of a skip and then a scan); the rows are in `APIResponse.rows`.
    func get(_ path: String, readingDataArray reader: @escaping DataArrayReader) async throws -> APIResponse {
        try await call("GET", path, body: nil, isIdempotent: true, dataArrayReader: reader)
    }

    /// `POST path` with a JSON body → JSON (an empty body is `{}`).
    func post(_ path: String, _ body: JSONValue, isIdempotent: Bool) async throws -> APIResponse {
        try await call("POST", path, body: Data(JSONWriter().string(body).utf8), isIdempotent: isIdempotent)
    }

    private func call(
        _ method: String, _ path: String, body: Data?, isIdempotent: Bool, dataArrayReader: DataArrayReader? = nil
    ) async throws -> APIResponse {
        let url = try Self.url(for: path, on: config.host)
        let started = clock.now()
        var attempt = 0
        while true {
            attempt += 1
            attempts.withLock { $0 += 1 }
            var request = HTTPRequest(method: method, url: url, body: body, isIdempotent: isIdempotent)
            request.headers = try await tokens.headers().merging([
                "User-Agent": userAgent, "Accept": "application/json", "Content-Type": "application/json",
            ]) { $1 }
            let sentAt = clock.now()
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch let error as TransportError {
                log("HTTP \(method) \(path) failed after \(milliseconds(since: sentAt)) ms (attempt \(attempt)): \(error.message)")
                guard isIdempotent || error.wasNotSent,
                    let wait = policy.wait(after: attempt, elapsed: clock.now() - started, retryAfter: nil, jitter: jitter())
                else { throw DatabricksError.transport(error.message, method: method, path: Self.redacted(path), attempts: attempt) }
                try await clock.sleep(seconds: wait)
                continue
            }
            log("HTTP \(method) \(Self.redacted(path)) → \(response.status) in \(milliseconds(since: sentAt)) ms (attempt \(attempt))")
            if let redirect = DatabricksError.redirect(response, method: method, path: Self.redacted(path)) { throw redirect }
            if (200..<300).contains(response.status) {
                if response.body.isEmpty { return APIResponse(json: .object(JSONObject()), body: [], dataArray: nil) }
                return try Self.parse(response.body, reading: dataArrayReader, method: method, path: path)
            }
            if policy.shouldRetry(status: response.status, isIdempotent: isIdempotent),
                let wait = policy.wait(
                    after: attempt, elapsed: clock.now() - started, retryAfter: RetryPolicy.retryAfter(response.header("Retry-After")),
                    jitter: jitter())
            {
                try await clock.sleep(seconds: wait)
                continue
            }
            let (code, message) = Self.errorBody(response)
            throw DatabricksError.http(
                status: response.status, errorCode: code, message: message, method: method, path: Self.redacted(path), attempts: attempt)
        }
    }

    /// A successful response's JSON, its `data_array` left for the scanner or read by `reader`.
    private static func parse(
        _ body: [UInt8], reading reader: DataArrayReader?, method: String, path: String
    ) throws(DatabricksError) -> APIResponse {
        var rows: RowBatch?
        var readFailure: DatabricksError?
        var readInPlace: JSONParser.DeferredArrayReader?
        if let reader {
            readInPlace = { (start: Int) throws(JSONParser.SyntaxError) -> Int in
                do throws(DatabricksError) {
                    let (batch, end) = try reader(body, start)
                    rows = batch
                    return end
                } catch {
                    readFailure = error
                    throw JSONParser.SyntaxError(message: "data_array could not be read", line: 0, column: 0)
                }
            }
        }
        do {
            let (json, dataArray) = try JSONParser.parse(bytes: body, deferring: "data_array", reading: readInPlace)
            return APIResponse(json: json, body: body, dataArray: dataArray, rows: rows)
        } catch {
            throw readFailure ?? DatabricksError.malformedResponse("\(method) \(redacted(path)): \(error.description)")
        }
    }

    /// `error_code` and message from any of the error body shapes the API uses.
    static func errorBody(_ response: HTTPResponse) -> (code: String?, message: String) {
        let text = String(decoding: response.body, as: UTF8.self)
        if let json = try? JSONParser.parse(text), json.object != nil {
            var code: String?
            switch json["error_code"] {
            case .string(let value)?: code = value
            case .int(let value)?: code = value == 401 ? "UNAUTHENTICATED" : (value == 403 ? "PERMISSION_DENIED" : String(value))
            default: code = nil
            }
            let message = json["message"]?.string ?? json["error"]?.string ?? json["error_description"]?.string ?? text
            return (code, excerpt(message, limit: 500))
        }
        let trimmed = text.trimmingSpaces()
        if let colon = trimmed.firstIndex(of: ":"), trimmed[..<colon].allSatisfy({ $0.isUppercase || $0 == "_" }),
            colon != trimmed.startIndex
        {
            return (String(trimmed[..<colon]), excerpt(String(trimmed[trimmed.index(after: colon)...]).trimmingSpaces(), limit: 500))
        }
        for tag in ["pre", "title"] {
            if let open = trimmed.range(of: "<\(tag)>"), let close = trimmed.range(of: "</\(tag)>"), open.upperBound <= close.lowerBound {
                return (nil, excerpt(String(trimmed[open.upperBound..<close.lowerBound]).trimmingSpaces(), limit: 500))
            }
        }
        return (nil, trimmed.isEmpty ? HTTPURLResponseReason.phrase(response.status) : excerpt(trimmed, limit: 500))
    }

    /// The URL of `path` on the workspace `host`. A path may come from a response
    /// (`next_chunk_internal_link`), so it must be a plain absolute path on the configured host:
    /// printable ASCII starting with a single `/`, without `@`, `\`, `#` or spaces, and the URL it
    /// makes must keep the host's scheme, host and port. Anything else could send the credentials
    /// elsewhere (`@other-host/…` turns the configured host into a user name).
    ///
    /// - Throws: `DatabricksError.refusedPath` naming the refused path.
    static func url(for path: String, on host: URL) throws(DatabricksError) -> URL {
        let isPlainPath =
            path.hasPrefix("/") && !path.hasPrefix("//")
            && path.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "@" && $0 != "\\" && $0 != "#" }
        guard isPlainPath, let url = URL(string: host.absoluteString + path), url.scheme == host.scheme, url.host == host.host,
            url.port == host.port, url.user == nil, url.password == nil
        else {
            throw .refusedPath(excerpt(redacted(path), limit: 100), host: host.absoluteString)
        }
        return url
    }

    /// Paths carry no secrets, but external links do: keep only the path part.
    static func redacted(_ path: String) -> String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    /// Milliseconds on `clock` since `start`, for the log.
    private func milliseconds(since start: Double) -> String {
        String(format: "%.1f", (clock.now() - start) * 1000)
    }
}
