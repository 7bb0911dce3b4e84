import CCurlLoader
import DBAPICore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP request, as dbapi's own value type so tests can compare and fake it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// Whether sending it twice is harmless (GET, cancel); decides which failures are retried.
    public var isIdempotent: Bool
    /// Whether a redirect is followed (without any `Authorization` header). Otherwise, the default,
    /// the 3xx answer itself is returned: the workspace API never redirects, and following one would
    /// carry the credentials to wherever `Location` points. Only external-link downloads, which
    /// carry no credentials, set it.
    public var followsRedirects: Bool

    public init(
        method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, isIdempotent: Bool, followsRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isIdempotent = isIdempotent
        self.followsRedirects = followsRedirects
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Failures below HTTP: whether the server may have received the request decides retries.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// True when the request certainly never reached the server (connection refused, DNS).
    public let wasNotSent: Bool
    public var description: String { message }

    public init(message: String, wasNotSent: Bool) {
        self.message = message
        self.wasNotSent = wasNotSent
    }
}

/// Sends HTTP requests. The real one wraps URLSession; tests may use their own.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// URLSession transport with an ephemeral session (no cookies, no cache, no stored credentials),
/// created on the first request, after libcurl has been loaded (see `CCurlLoader`). Bodies are
/// collected by `ResponseCollector`, which also refuses redirects unless the request
/// `followsRedirects`.
public final class URLSessionTransport: HTTPTransport {
    private let timeout: TimeInterval
    private let collector = ResponseCollector()
    private let session = LockedBox<URLSession?>(nil)

    public init(timeout: TimeInterval = 60) { self.timeout = timeout }

    deinit { session.withLock { $0?.finishTasksAndInvalidate() } }

    private func urlSession() throws -> URLSession {
        try session.withLock { existing in
            if let existing { return existing }
            var failure: UnsafePointer<CChar>?
            guard dbapi_curl_load(&failure) == 1 else {
                let reason = failure.map { String(cString: $0) } ?? "libcurl could not be loaded"
                let source = ProcessInfo.processInfo.environment["DBAPI_LIBCURL"].map { "DBAPI_LIBCURL=\($0)" } ?? "the system library path"
                throw DatabricksError.configuration("the databricks backend needs libcurl: \(reason)", source: source)
            }
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.urlCache = nil
            configuration.httpCookieStorage = nil
            configuration.httpShouldSetCookies = false
            let created = URLSession(configuration: configuration, delegate: collector, delegateQueue: collector.queue)
            existing = created
            return created
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let session = try urlSession()
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // The task exists only once resumed: cancelling a task that was never resumed would leave
        // its continuation waiting forever.
        let running = LockedBox<URLSessionDataTask?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest)
                collector.collect(task, followingRedirects: request.followsRedirects) { result in
                    continuation.resume(with: result.mapError(Self.failure))
                }
                task.resume()
                running.withLock { $0 = task }
                if Task.isCancelled { task.cancel() }
            }
        } onCancel: {
            running.withLock { $0?.cancel() }
        }
    }

    /// A cancelled task as `CancellationError`, anything else as a `TransportError`.
    private static func failure(_ error: any Error) -> any Error {
        if error is TransportError { return error }
        let code = (error as? URLError)?.code
        if code == .cancelled { return CancellationError() }
        let notSent = code == .cannotConnectToHost || code == .cannotFindHost || code == .dnsLookupFailed
        return TransportError(message: error.localizedDescription, wasNotSent: notSent)
    }
}
