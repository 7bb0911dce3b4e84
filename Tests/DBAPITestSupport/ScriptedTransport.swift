import DBAPICore
import Databricks
import Foundation

/// An `HTTPTransport` that answers each request with a closure and records every request it sent.
///
/// Like `URLSessionTransport`, a request from a cancelled task is not sent: it throws
/// `CancellationError` and is not recorded.
public final class ScriptedTransport: HTTPTransport {
    /// One scripted answer: a response, or a failure below HTTP.
    public typealias Answer = Result<HTTPResponse, TransportError>

    private let answer: @Sendable (HTTPRequest) async throws -> HTTPResponse
    private let sent = LockedBox<[HTTPRequest]>([])

    public init(_ answer: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.answer = answer
    }

    /// Answers the requests in order with `answers`; a request past the last one fails as never sent.
    public convenience init(answers: [Answer]) {
        let remaining = LockedBox(answers[...])
        self.init { request in
            guard let next = remaining.withLock({ $0.popFirst() }) else {
                throw TransportError(message: "no answer scripted for \(request.method) \(request.url.path)", wasNotSent: true)
            }
            return try next.get()
        }
    }

    /// The requests sent so far, in order.
    public var requests: [HTTPRequest] { sent.withLock { $0 } }

    /// The requests sent so far as `METHOD path`, in order.
    public var lines: [String] { requests.map { $0.method + " " + $0.url.path } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        sent.withLock { $0.append(request) }
        return try await answer(request)
    }
}

extension HTTPResponse {
    /// A response with a JSON (or any text) body.
    public static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}
