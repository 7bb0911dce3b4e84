import DBAPICore
import Foundation

/// Supplies the authentication headers of every workspace request: a PAT as is, or a token from the
/// configured source (OAuth M2M, the Databricks or Azure CLI, Entra ID, workload identity
/// federation), cached until shortly before it expires and then fetched again.
actor AccessTokenProvider {
    private let source: any TokenSource
    /// The headers and the instant on `clock` they expire at.
    private var cached: IssuedToken?
    /// The fetch in flight: concurrent requests (chunks fetched ahead) wait for it instead of each
    /// starting their own (one `databricks auth token` run, one token request).
    private var pending: Task<IssuedToken, any Error>?
    private let clock: any BackendClock
    /// Refresh this long before expiry (Azure rejects tokens within 30 s of it).
    static let earlyRefresh = 40.0

    /// - Parameters:
    ///   - secrets: learns each token as it is issued, so no output shows it;
    ///   - clock: tells when a cached token is due for refresh;
    ///   - launcher: runs the `databricks` and `az` executables.
    init(
        config: DatabricksConfig, transport: any HTTPTransport, secrets: SecretRedactor, clock: any BackendClock,
        launcher: any CommandLauncher = ProcessLauncher()
    ) {
        self.clock = clock
        source = TokenSources.source(for: config, transport: transport, secrets: secrets, clock: clock, launcher: launcher)
    }

    /// The headers that authenticate a request (`Authorization`, and for an Azure service principal
    /// with a workspace resource id the management-token and resource-id headers).
    func headers() async throws -> [String: String] {
        if let cached, cached.expires - clock.now() > Self.earlyRefresh { return cached.headers }
        if let pending { return try await pending.value.headers }
        let source = self.source
        let fetch = Task { try await source.token() }
        pending = fetch
        defer { pending = nil }
        let fresh = try await fetch.value
        cached = fresh
        return fresh.headers
    }

    /// Seconds until the token in use expires on `clock` (infinite for a PAT, nil before the first token).
    func secondsLeft() -> Double? {
        cached.map { $0.expires - clock.now() }
    }
}

/// Headers carrying a token, and the instant on the backend's clock the token expires at.
struct IssuedToken: Sendable {
    var headers: [String: String]
    var expires: Double
}

/// Where tokens come from: each call issues (or fetches) a new one.
protocol TokenSource: Sendable {
    func token() async throws -> IssuedToken
}

/// The token source of each auth method.
enum TokenSources {
    static func source(
        for config: DatabricksConfig, transport: any HTTPTransport, secrets: SecretRedactor, clock: any BackendClock,
        launcher: any CommandLauncher
    ) -> any TokenSource {
        switch config.authentication {
        case .personalAccessToken(let token):
            return FixedTokenSource(token: token)
        case let .oauthMachineToMachine(clientID, clientSecret):
            let basic = Data((clientID + ":" + clientSecret).utf8).base64EncodedString()
            let request = OAuthTokenRequest(
                url: config.host.appendingPathComponent("oidc/v1/token"),
                form: [("grant_type", "client_credentials"), ("scope", "all-apis")],
                basicAuthorization: basic, purpose: "OAuth M2M token request",
                hint: "check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (\(config.source))")
            return OAuthTokenSource(request: request, transport: transport, secrets: secrets, clock: clock)
        case let .databricksCLI(executable, profile):
            return CLITokenSource(
                tool: .databricks(host: config.host.absoluteString, profile: profile), executable: executable,
                environment: config.environment, launcher: launcher, secrets: secrets, clock: clock)
        case let .azureCLI(executable, tenantID):
            return CLITokenSource(
                tool: .azure(tenantID: tenantID), executable: executable, environment: config.environment, launcher: launcher,
                secrets: secrets, clock: clock)
        case .azureClientSecret(let principal):
            return EntraTokenSource(
                principal: principal, host: config.host, source: config.source, transport: transport, secrets: secrets, clock: clock)
        case .workloadIdentity(let identity):
            return FederatedTokenSource(
                identity: identity, host: config.host, source: config.source, transport: transport, secrets: secrets, clock: clock)
        }
    }
}

/// A PAT: the same header, never expiring.
struct FixedTokenSource: TokenSource {
    let token: String

    func token() async throws -> IssuedToken {
        IssuedToken(headers: ["Authorization": "Bearer " + token], expires: .infinity)
    }
}
