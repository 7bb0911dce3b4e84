import DBAPICore
import Databricks
import Foundation

/// An `HTTPTransport` that answers each request with a closure and records every request it was given.
public final class ScriptedTransport: HTTPTransport {
    private let answer: @Sendable (HTTPRequest) throws -> HTTPResponse
    private let sent = LockedBox<[HTTPRequest]>([])

    public init(_ answer: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.answer = answer
    }

    /// The requests sent so far, in order.
    public var requests: [HTTPRequest] { sent.withLock { $0 } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0.append(request) }
        return try answer(request)
    }
}

extension HTTPResponse {
    /// A response with a JSON (or any text) body.
    public static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
    }
}

/// A `Sleeper` that returns at once, so retries and polls cost no time.
public struct ImmediateSleeper: Sleeper {
    public init() {}
    public func sleep(seconds: Double) async throws {}
}
