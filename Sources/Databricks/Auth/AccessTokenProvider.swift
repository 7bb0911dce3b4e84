import DBAPICore
import Foundation

/// Supplies the `Authorization` header: a PAT as is, or an OAuth M2M access token from the
/// workspace token endpoint, cached until shortly before it expires and then refreshed.
actor AccessTokenProvider {
    private let config: DatabricksConfig
    private let transport: any HTTPTransport
    private let secrets: SecretRedactor
    /// The header and the instant on `clock` it expires at.
    private var cached: (header: String, expires: Double)?
    private let clock: any BackendClock
    /// Refresh this long before expiry (Azure rejects tokens within 30 s of it).
    static let earlyRefresh = 40.0

    /// - Parameters:
    ///   - secrets: learns each access token as it is issued, so no output shows it;
    ///   - clock: tells when a cached token is due for refresh.
    init(config: DatabricksConfig, transport: any HTTPTransport, secrets: SecretRedactor, clock: any BackendClock) {
        self.config = config
        self.transport = transport
        self.secrets = secrets
        self.clock = clock
    }

    /// The `Authorization` header value.
    func authorization() async throws -> String {
        switch config.authentication {
        case .personalAccessToken(let token):
            return "Bearer " + token
        case let .oauthMachineToMachine(clientID, clientSecret):
            if let cached, cached.expires - clock.now() > Self.earlyRefresh { return cached.header }
            let fresh = try await requestToken(clientID: clientID, clientSecret: clientSecret)
            cached = fresh
            return fresh.header
        }
    }

    private func requestToken(clientID: String, clientSecret: String) async throws -> (header: String, expires: Double) {
        let url = config.host.appendingPathComponent("oidc/v1/token")
        let basic = Data((clientID + ":" + clientSecret).utf8).base64EncodedString()
        let request = HTTPRequest(
            method: "POST", url: url,
            headers: [
                "Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
            ],
            body: Data("grant_type=client_credentials&scope=all-apis".utf8), isIdempotent: true)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw DatabricksError.transport("OAuth token request failed: \(error)", method: "POST", path: "/oidc/v1/token", attempts: 1)
        }
        if let redirect = DatabricksError.redirect(response, method: "POST", path: "/oidc/v1/token") { throw redirect }
        let json = try? JSONParser.parse(bytes: response.body)
        guard response.status == 200, let token = json?["access_token"]?.string else {
            let reason = json?["error_description"]?.string ?? json?["error"]?.string ?? "HTTP \(response.status)"
            throw DatabricksError.http(
                status: response.status == 200 ? 401 : response.status, errorCode: "UNAUTHENTICATED",
                message:
                    "OAuth M2M token request was refused: \(reason); check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (\(config.source))",
                method: "POST", path: "/oidc/v1/token", attempts: 1)
        }
        let lifetime: Double
        switch json?["expires_in"] {
        case .int(let seconds)?: lifetime = Double(seconds)
        case .string(let text)?: lifetime = Double(text) ?? 3600
        default: lifetime = 3600
        }
        secrets.add(token)
        let type = json?["token_type"]?.string ?? "Bearer"
        return (type + " " + token, clock.now() + lifetime)
    }
}
