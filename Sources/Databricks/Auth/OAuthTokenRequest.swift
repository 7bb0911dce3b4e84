import DBAPICore
import Foundation

/// One OAuth 2.0 token request, a form POST, and its answer `{access_token, token_type, expires_in}`:
/// the workspace's token endpoint (client credentials, token exchange) and Entra ID's.
struct OAuthTokenRequest: Sendable {
    var url: URL
    var form: [(String, String)]
    /// `base64(id:secret)` for HTTP Basic client authentication, as the SDKs send it to Databricks.
    var basicAuthorization: String?
    /// What the request is, for messages: `OAuth M2M token request`.
    var purpose: String
    /// What to check when the request is refused, with where the settings came from.
    var hint: String

    /// A token's lifetime when the answer does not say.
    static let defaultLifetime = 3600.0

    /// Sends the request once; the token is added to `secrets` before it is returned.
    ///
    /// - Throws: `DatabricksError.transport` when it cannot be sent, `.redirected` for a 3xx, and
    ///   `.http` (AUTHENTICATION_FAILED unless the status says otherwise) when it is refused.
    func send(transport: any HTTPTransport, secrets: SecretRedactor) async throws -> (token: String, type: String, lifetime: Double) {
        var headers = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        if let basicAuthorization { headers["Authorization"] = "Basic " + basicAuthorization }
        let body = form.map { Self.encoded($0.0) + "=" + Self.encoded($0.1) }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", url: url, headers: headers, body: Data(body.utf8), isIdempotent: true)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw DatabricksError.transport("\(purpose) failed: \(error)", method: "POST", path: url.path, attempts: 1)
        }
        if let redirect = DatabricksError.redirect(response, method: "POST", path: url.path) { throw redirect }
        let json = try? JSONParser.parse(bytes: response.body)
        guard response.status == 200, let token = json?["access_token"]?.string, !token.isEmpty else {
            let reason = json?["error_description"]?.string ?? json?["error"]?.string ?? "HTTP \(response.status)"
            throw DatabricksError.http(
                status: response.status == 200 ? 401 : response.status, errorCode: "UNAUTHENTICATED",
                message: "\(purpose) was refused: \(excerpt(reason, limit: 500)); \(hint)", method: "POST", path: url.path, attempts: 1)
        }
        secrets.add(token)
        return (token, json?["token_type"]?.string ?? "Bearer", Self.lifetime(json?["expires_in"]))
    }

    /// `expires_in` as seconds: a number or a numeric string (Entra's v1 endpoint), else an hour.
    static func lifetime(_ value: JSONValue?) -> Double {
        switch value {
        case .int(let seconds)?: Double(seconds)
        case .string(let text)?: Double(text).flatMap { $0.isFinite ? $0 : nil } ?? defaultLifetime
        case .double(let seconds)?: seconds.isFinite ? seconds : defaultLifetime
        default: defaultLifetime
        }
    }

    /// A form value percent-encoded (only unreserved characters left as they are).
    static func encoded(_ text: String) -> String {
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// Tokens from one OAuth request (OAuth M2M's client credentials), each valid for its `expires_in`.
struct OAuthTokenSource: TokenSource {
    let request: OAuthTokenRequest
    let transport: any HTTPTransport
    let secrets: SecretRedactor
    let clock: any BackendClock

    func token() async throws -> IssuedToken {
        let issued = try await request.send(transport: transport, secrets: secrets)
        return IssuedToken(headers: ["Authorization": issued.type + " " + issued.token], expires: clock.now() + issued.lifetime)
    }
}
