import DBAPICore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session delegate of `URLSessionTransport`: collects each task's body straight into one byte
/// array, reserved from `Content-Length`. A completion-handler task would hold a multi-megabyte
/// chunk three times over (FoundationNetworking's growing buffer, the `Data` it hands over, and the
/// bytes the scanner reads), with several chunks in flight at once.
final class ResponseCollector: NSObject, URLSessionDataDelegate, Sendable {
    typealias Completion = @Sendable (Result<HTTPResponse, any Error>) -> Void

    private struct Collecting {
        var body: [UInt8] = []
        let followsRedirects: Bool
        let completion: Completion
    }

    /// A declared length above this is not reserved up front (the body still grows to any size).
    static let largestReservation = 64 << 20

    /// The data delegate runs on this queue, one callback at a time, so a body's pieces arrive in order.
    let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        return queue
    }()
    private let tasks = LockedBox<[Int: Collecting]>([:])

    /// Calls `completion` once `task` finishes; must be called before the task is resumed.
    func collect(_ task: URLSessionTask, followingRedirects: Bool, completion: @escaping Completion) {
        tasks.withLock { $0[task.taskIdentifier] = Collecting(followsRedirects: followingRedirects, completion: completion) }
    }

    /// Refuses the redirect, so the 3xx answer completes the task, unless the task follows redirects
    /// to a URL `ExternalLinkTransport` allows; then the next request goes without an `Authorization`
    /// header (URLSession copies every header).
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard tasks.withLock({ $0[task.taskIdentifier]?.followsRedirects }) == true, let url = request.url,
            ExternalLinkTransport.isAllowed(url)
        else { return completionHandler(nil) }
        var next = request
        next.setValue(nil, forHTTPHeaderField: "Authorization")
        completionHandler(next)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let declared = response.expectedContentLength
        if declared > 0 {
            let reservation = Int(min(declared, Int64(Self.largestReservation)))
            tasks.withLock { $0[dataTask.taskIdentifier]?.body.reserveCapacity(reservation) }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        tasks.withLock { $0[dataTask.taskIdentifier]?.body.append(contentsOf: data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let finished = tasks.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let error {
            finished.completion(.failure(error))
            return
        }
        guard let http = task.response as? HTTPURLResponse else {
            finished.completion(.failure(TransportError(message: "not an HTTP response", wasNotSent: false)))
            return
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        finished.completion(.success(HTTPResponse(status: http.statusCode, headers: headers, body: finished.body)))
    }
}
