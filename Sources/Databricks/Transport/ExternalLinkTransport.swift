/// The transport for external-link downloads: presigned cloud-storage URLs, whose signature is the
/// only credential. Any `Authorization` header is removed (the workspace's must never reach
/// storage), and redirects are followed, as storage services use them, without one either.
struct ExternalLinkTransport: HTTPTransport {
    let base: any HTTPTransport

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        request.headers = request.headers.filter { $0.key.lowercased() != "authorization" }
        request.followsRedirects = true
        return try await base.send(request)
    }
}
