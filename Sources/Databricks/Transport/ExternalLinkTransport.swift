import Foundation

/// The transport for external-link downloads: presigned cloud-storage URLs, whose signature is the
/// only credential. Any `Authorization` header is removed (the workspace's must never reach
/// storage), and redirects are followed, as storage services use them, without one either.
///
/// A link must be https (plain http only to a loopback address, for local test servers): a
/// `file:` or other URL from a hostile response would make dbapi read something else.
struct ExternalLinkTransport: HTTPTransport {
    let base: any HTTPTransport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard Self.isAllowed(request.url) else {
            let place = [request.url.scheme, request.url.host].compactMap { $0 }.joined(separator: "://")
            throw DatabricksError.malformedResponse("refused an external link to \(place): not an https URL")
        }
        var request = request
        request.headers = request.headers.filter { $0.key.lowercased() != "authorization" }
        request.followsRedirects = true
        return try await base.send(request)
    }

    /// https anywhere, http only to a loopback address.
    static func isAllowed(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased(), !host.isEmpty else { return false }
        switch url.scheme?.lowercased() {
        case "https"?: return true
        case "http"?: return DatabricksConfig.isLoopback(host)
        default: return false
        }
    }
}
