import DBAPICore
import Foundation

/// What `dbapi auth describe` reports: the workspace host, the auth type, each setting with where it
/// came from (a flag, an environment variable, a profile and its file), and whether a token can be
/// obtained right now (it tries, without calling the workspace's API). Secrets are never shown: a
/// secret setting is listed without its value, and every text passes through the redactor.
public struct AuthDescription: Sendable {
    /// The description as JSON: `host`, `auth_type`, `profile` and `profile_from` (why that
    /// profile), `settings` (`name`, `value`, `from`), `settings_from`, `token` (`obtained`,
    /// `expires_in_seconds`).
    public let data: JSONValue
    /// Why no token can be obtained (nil when one can), with the description in its details.
    public let error: (any ReportableError)?

    /// Describes the auth the settings, the environment and `~/.databrickscfg` configure.
    ///
    /// - Parameters:
    ///   - transport: the HTTP client for token endpoints (a URLSession one by default);
    ///   - clock: the time tokens expire on.
    public static func describe(
        _ backend: BackendSettings, transport: (any HTTPTransport)? = nil, clock: any BackendClock = SystemClock()
    ) async -> AuthDescription {
        await describe(backend, transport: transport ?? URLSessionTransport(), clock: clock, launcher: ProcessLauncher())
    }

    static func describe(
        _ backend: BackendSettings, transport: any HTTPTransport, clock: any BackendClock, launcher: any CommandLauncher
    ) async -> AuthDescription {
        let environment = backend.environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        let explicit = DatabricksSettings(profile: backend.profile)
        var fields = JSONObject([("host", .null), ("auth_type", .null), ("profile", .null), ("profile_from", .null)])
        let settings: ConfigSettings
        do {
            settings = try ConfigSettings.gather(explicit, environment: environment, homeDirectory: home)
        } catch {
            return AuthDescription(data: .object(fields), failure: error, secrets: SecretRedactor(.personalAccessToken("")))
        }
        fields["profile"] = settings.profile.map { .string($0) } ?? .null
        fields["profile_from"] = settings.profile == nil ? .null : settings.profileOrigin.map { .string($0) } ?? .null
        fields["settings"] = .array(listing(settings))
        fields["settings_from"] = .string(settings.source)
        let config: DatabricksConfig
        do {
            let (_, host, authentication) = try DatabricksConfig.workspace(explicit, environment: environment, homeDirectory: home)
            config = DatabricksConfig(
                host: host, authentication: authentication, warehouseID: settings["warehouse_id"] ?? "", catalog: nil, schema: nil,
                source: settings.source, environment: environment)
        } catch {
            fields["host"] = settings["host"].map { .string($0) } ?? .null
            return AuthDescription(data: .object(fields), failure: error, secrets: SecretRedactor(.personalAccessToken("")))
        }
        let secrets = SecretRedactor(config.authentication)
        fields["host"] = .string(config.host.absoluteString)
        fields["auth_type"] = .string(config.authentication.typeName)
        let provider = AccessTokenProvider(config: config, transport: transport, secrets: secrets, clock: clock, launcher: launcher)
        do {
            _ = try await provider.headers()
            let left = await provider.secondsLeft()
            fields["token"] = .object(
                JSONObject([
                    ("obtained", .bool(true)),
                    ("expires_in_seconds", left.flatMap { abs($0) < 1e15 ? .int(Int64($0.rounded(.down))) : nil } ?? .null),
                ]))
            return AuthDescription(data: secrets.redactAll(.object(fields)), error: nil)
        } catch {
            fields["token"] = .object(JSONObject([("obtained", .bool(false))]))
            return AuthDescription(data: .object(fields), failure: error, secrets: secrets)
        }
    }

    private init(data: JSONValue, error: (any ReportableError)?) {
        self.data = data
        self.error = error
    }

    /// A failed description: the error redacted, with the description as its `details.auth`.
    private init(data: JSONValue, failure: any Error, secrets: SecretRedactor) {
        let redacted = secrets.redact(failure)
        let described = secrets.redactAll(data)
        self.data = described
        let reportable = redacted as? any ReportableError ?? DBAPIError(.internal, "unexpected error: \(redacted)")
        var details = reportable.details
        details["auth"] = described
        error = DBAPIError(reportable.code, reportable.description, details: details)
    }

    /// Each setting that is set, in the order of `ConfigSettings.keys`: its name, its value (not
    /// for secrets and client ids) and where it came from.
    private static func listing(_ settings: ConfigSettings) -> [JSONValue] {
        ConfigSettings.keys.compactMap { key, _ in
            guard let value = settings[key], let origin = settings.origins[key] else { return nil }
            let shown: JSONValue = ConfigSettings.hiddenKeys.contains(key) ? .string("(set, not shown)") : .string(value)
            return .object(JSONObject([("name", .string(key)), ("value", shown), ("from", .string(origin))]))
        }
    }
}

extension SecretRedactor {
    /// Every string in `value`, at any depth, redacted.
    func redactAll(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redactAll))
        case .object(let object): .object(JSONObject(object.members.map { ($0.key, redactAll($0.value)) }))
        default: value
        }
    }
}
