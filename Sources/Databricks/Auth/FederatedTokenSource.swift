import DBAPICore
import Foundation

/// Workload identity federation (`github-oidc`, `env-oidc`, `file-oidc`): an OIDC token from GitHub
/// Actions, an environment variable or a file, exchanged at the workspace's token endpoint with
/// the OAuth 2.0 token-exchange grant (RFC 8693) for a Databricks token of the service principal
/// `DATABRICKS_CLIENT_ID` (whose federation policy must accept the token's issuer and subject).
struct FederatedTokenSource: TokenSource {
    let identity: WorkloadIdentity
    let host: URL
    /// Where the settings came from, for messages.
    let source: String
    let transport: any HTTPTransport
    let secrets: SecretRedactor
    let clock: any BackendClock

    /// The longest OIDC token file read.
    static let fileLimit = 64 * 1024

    func token() async throws -> IssuedToken {
        let endpoint = host.appendingPathComponent("oidc/v1/token")
        let subject = try await subjectToken(audience: identity.audience ?? endpoint.absoluteString)
        var form = [
            ("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"), ("subject_token", subject),
            ("subject_token_type", "urn:ietf:params:oauth:token-type:jwt"), ("scope", "all-apis"),
        ]
        if let clientID = identity.clientID { form.append(("client_id", clientID)) }
        let request = OAuthTokenRequest(
            url: endpoint, form: form, basicAuthorization: nil, purpose: "token exchange (\(identity.subject.typeName))",
            hint: "check DATABRICKS_CLIENT_ID and the service principal's federation policy (\(source))")
        let issued = try await request.send(transport: transport, secrets: secrets)
        return IssuedToken(headers: ["Authorization": issued.type + " " + issued.token], expires: clock.now() + issued.lifetime)
    }

    /// The OIDC token to exchange (added to `secrets`).
    private func subjectToken(audience: String) async throws -> String {
        let token: String
        switch identity.subject {
        case .environment(_, let value):
            token = value
        case .file(let path):
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            guard type == .typeRegular, let handle = FileHandle(forReadingAtPath: path),
                let data = try? handle.read(upToCount: Self.fileLimit + 1),
                data.count <= Self.fileLimit, let text = String(data: data, encoding: .utf8), !text.trimmingSpaces().isEmpty
            else {
                throw DatabricksError.configuration(
                    "DATABRICKS_OIDC_TOKEN_FILEPATH '\(excerpt(path, limit: 500))' cannot be read as an OIDC token (a regular file of UTF-8, at most 64 KiB)",
                    source: source)
            }
            token = text.trimmingSpaces()
        case let .github(requestURL, requestToken):
            token = try await githubToken(requestURL, requestToken, audience: audience)
        }
        secrets.add(token)
        return token
    }

    /// GitHub Actions' ID token: `GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…` with the request
    /// token as a bearer token, answered `{"value": "<jwt>"}`.
    private func githubToken(_ requestURL: URL, _ requestToken: String, audience: String) async throws -> String {
        let separator = requestURL.absoluteString.contains("?") ? "&" : "?"
        guard let url = URL(string: requestURL.absoluteString + separator + "audience=" + OAuthTokenRequest.encoded(audience)) else {
            throw DatabricksError.configuration("ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL", source: source)
        }
        let request = HTTPRequest(
            method: "GET", url: url, headers: ["Authorization": "Bearer " + requestToken, "Accept": "application/json"], isIdempotent: true)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw DatabricksError.transport(
                "GitHub Actions OIDC token request failed: \(error)", method: "GET", path: url.path, attempts: 1)
        }
        if let redirect = DatabricksError.redirect(response, method: "GET", path: url.path) { throw redirect }
        let json = try? JSONParser.parse(bytes: response.body)
        guard response.status == 200, let value = json?["value"]?.string, !value.isEmpty else {
            let reason = json?["message"]?.string ?? "HTTP \(response.status)"
            throw DatabricksError.http(
                status: response.status == 200 ? 401 : response.status, errorCode: "UNAUTHENTICATED",
                message:
                    "GitHub Actions OIDC token request was refused: \(excerpt(reason, limit: 300)); does the job have 'permissions: id-token: write'?",
                method: "GET", path: url.path, attempts: 1)
        }
        return value
    }
}
