import DBAPICore
import Foundation

extension DatabricksConfig {
    /// The auth method, chosen as the SDKs choose it: `auth_type` (`DATABRICKS_AUTH_TYPE` or the
    /// profile's) forces one; otherwise the one configured method, and with none, GitHub Actions'
    /// OIDC token (with `DATABRICKS_CLIENT_ID`) and then the Databricks CLI's login when `databricks`
    /// is on PATH. Two configured methods without `auth_type` are refused, naming both.
    ///
    /// - Throws: `DatabricksError.configuration` naming what is missing, ambiguous or unsupported.
    static func authentication(
        _ settings: ConfigSettings, host: URL, environment: [String: String]
    ) throws(DatabricksError) -> Authentication {
        let source = settings.source
        if let type = settings["auth_type"] {
            guard authTypes.contains(type) else {
                throw .configuration(
                    "auth type '\(type)' is not supported by dbapi; use one of \(authTypes.joined(separator: ", "))", source: source)
            }
            return try method(type, settings, environment: environment)
        }
        let configured = configuredMethods(settings, environment: environment)
        if configured.count > 1 {
            throw .configuration(
                "more than one authorization method configured: \(configured.sorted().joined(separator: " and ")); set DATABRICKS_AUTH_TYPE to choose one",
                source: source)
        }
        if let only = configured.first { return try method(only, settings, environment: environment) }
        if settings["client_id"] != nil, environment.nonEmpty("ACTIONS_ID_TOKEN_REQUEST_URL") != nil,
            environment.nonEmpty("ACTIONS_ID_TOKEN_REQUEST_TOKEN") != nil
        {
            return try method("github-oidc", settings, environment: environment)
        }
        if let cli = executable("databricks", environment: environment) {
            return .databricksCLI(executable: cli, profile: settings.profile)
        }
        if settings["client_id"] != nil {
            throw .configuration("OAuth M2M needs both DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET", source: source)
        }
        throw .configuration(
            "no credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or sign in with 'databricks auth login --host \(host.absoluteString)' (README: Authentication)",
            source: source)
    }

    /// The methods whose own settings are present (ambient ones, GitHub Actions' variables and the
    /// CLIs on PATH, do not count).
    private static func configuredMethods(_ settings: ConfigSettings, environment: [String: String]) -> [String] {
        var methods: [String] = []
        if settings["token"] != nil { methods.append("pat") }
        if settings["client_secret"] != nil { methods.append("oauth-m2m") }
        if settings["azure_client_secret"] != nil { methods.append("azure-client-secret") }
        if environment.nonEmpty(settings["oidc_token_env"] ?? defaultOIDCVariable) != nil { methods.append("env-oidc") }
        if settings["oidc_token_filepath"] != nil { methods.append("file-oidc") }
        return methods
    }

    /// The variable env-oidc reads without `DATABRICKS_OIDC_TOKEN_ENV`.
    static let defaultOIDCVariable = "DATABRICKS_OIDC_TOKEN"

    private static func method(
        _ type: String, _ settings: ConfigSettings, environment: [String: String]
    ) throws(DatabricksError) -> Authentication {
        let source = settings.source
        func require(_ keys: [String], _ names: [String]) throws(DatabricksError) -> [String] {
            let missing = zip(keys, names).filter { settings[$0.0] == nil }.map(\.1)
            guard missing.isEmpty else {
                throw .configuration(
                    "auth type \(type) needs \(missing.joined(separator: ", ")) (or the profile's \(keys.joined(separator: ", ")))",
                    source: source)
            }
            return keys.map { settings[$0] ?? "" }
        }
        switch type {
        case "pat":
            return .personalAccessToken(try require(["token"], ["DATABRICKS_TOKEN"])[0])
        case "oauth-m2m":
            guard let id = settings["client_id"], let secret = settings["client_secret"] else {
                throw .configuration("OAuth M2M needs both DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET", source: source)
            }
            return .oauthMachineToMachine(clientID: id, clientSecret: secret)
        case "azure-client-secret":
            let values = try require(["azure_client_id", "azure_client_secret"], ["ARM_CLIENT_ID", "ARM_CLIENT_SECRET"])
            let cloud = try azureCloud(settings, environment: environment)
            return .azureClientSecret(
                AzureServicePrincipal(
                    clientID: values[0], clientSecret: values[1], tenantID: settings["azure_tenant_id"], cloud: cloud,
                    workspaceResourceID: settings["azure_workspace_resource_id"]))
        case "azure-cli":
            return .azureCLI(executable: executable("az", environment: environment), tenantID: settings["azure_tenant_id"])
        case "databricks-cli":
            return .databricksCLI(executable: executable("databricks", environment: environment), profile: settings.profile)
        default:
            return .workloadIdentity(
                WorkloadIdentity(
                    subject: try oidcSubject(type, settings, environment: environment), clientID: settings["client_id"],
                    audience: settings["token_audience"]))
        }
    }

    private static func oidcSubject(
        _ type: String, _ settings: ConfigSettings, environment: [String: String]
    ) throws(DatabricksError) -> WorkloadIdentity.Subject {
        let source = settings.source
        switch type {
        case "env-oidc":
            let variable = settings["oidc_token_env"] ?? defaultOIDCVariable
            guard let value = environment.nonEmpty(variable) else {
                throw .configuration("auth type env-oidc needs an OIDC token in the environment variable \(variable)", source: source)
            }
            return .environment(variable: variable, value: value)
        case "file-oidc":
            guard let path = settings["oidc_token_filepath"] else {
                throw .configuration(
                    "auth type file-oidc needs DATABRICKS_OIDC_TOKEN_FILEPATH (or the profile's oidc_token_filepath)", source: source)
            }
            return .file(path: path)
        default:
            guard let text = environment.nonEmpty("ACTIONS_ID_TOKEN_REQUEST_URL"),
                let token = environment.nonEmpty("ACTIONS_ID_TOKEN_REQUEST_TOKEN")
            else {
                throw .configuration(
                    "auth type github-oidc needs ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, which GitHub Actions sets for a job with 'permissions: id-token: write'",
                    source: source)
            }
            return .github(requestURL: try secureURL(text, name: "ACTIONS_ID_TOKEN_REQUEST_URL", source: source), requestToken: token)
        }
    }

    /// The cloud `ARM_ENVIRONMENT` names, its login endpoint replaced by `DBAPI_TEST_ENTRA_URL` (a
    /// test-only setting that must be a loopback address).
    private static func azureCloud(_ settings: ConfigSettings, environment: [String: String]) throws(DatabricksError) -> AzureCloud {
        guard var cloud = AzureCloud.named(settings["azure_environment"]) else {
            throw .configuration(
                "ARM_ENVIRONMENT '\(excerpt(settings["azure_environment"] ?? ""))' is not an Azure cloud; use PUBLIC, USGOVERNMENT or CHINA",
                source: settings.source)
        }
        if let test = environment.nonEmpty("DBAPI_TEST_ENTRA_URL") {
            let url = try secureURL(test, name: "DBAPI_TEST_ENTRA_URL", source: "environment (DBAPI_TEST_ENTRA_URL)")
            guard let host = url.host, isLoopback(host.lowercased()) else {
                throw .configuration(
                    "DBAPI_TEST_ENTRA_URL is a test-only setting and must be a loopback address (127.0.0.0/8, ::1, localhost)",
                    source: "environment (DBAPI_TEST_ENTRA_URL)")
            }
            cloud.login = url.absoluteString.hasSuffix("/") ? url.absoluteString : url.absoluteString + "/"
        }
        return cloud
    }

    /// `text` as a URL that is https, or plain http to a loopback address.
    static func secureURL(_ text: String, name: String, source: String) throws(DatabricksError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty,
            url.user == nil, url.password == nil
        else {
            throw .configuration("\(name) is not a valid URL", source: source)
        }
        guard scheme == "https" || (scheme == "http" && isLoopback(host)) else {
            throw .configuration("\(name) must use https (plain http is allowed only for loopback addresses)", source: source)
        }
        return url
    }

    /// The first executable file `name` in the directories of `PATH`.
    static func executable(_ name: String, environment: [String: String]) -> String? {
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension [String: String] {
    /// The value of `key` unless it is missing or empty (the SDKs treat an empty variable as unset).
    func nonEmpty(_ key: String) -> String? {
        guard let value = self[key], !value.isEmpty else { return nil }
        return value
    }
}
