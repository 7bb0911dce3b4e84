import DBAPICore
import Foundation

/// The Databricks settings by config key (`host`, `token`, `azure_client_id`, …), each with where it
/// came from, gathered as the SDKs do: explicit settings, then environment variables, then one
/// profile of `~/.databrickscfg` (read only when a profile is requested or nothing in the
/// environment configures a host or credentials; its values fill keys still unset).
struct ConfigSettings: Sendable {
    private(set) var values: [String: String] = [:]
    /// Where each value came from: `flag --warehouse`, `environment DATABRICKS_HOST`, `profile 'p' in PATH`.
    private(set) var origins: [String: String] = [:]
    /// The profile whose values were read, if any.
    private(set) var profile: String?
    /// Why that profile: `flag --profile`, `environment DATABRICKS_CONFIG_PROFILE`, the file's
    /// `default_profile`, or its `[DEFAULT]` section.
    private(set) var profileOrigin: String?
    /// Where the settings came from, for error messages (never includes a secret).
    private(set) var source = ""

    /// Config keys and their environment variables, in the order messages list them.
    static let keys: [(key: String, variable: String)] = [
        ("host", "DATABRICKS_HOST"), ("token", "DATABRICKS_TOKEN"), ("client_id", "DATABRICKS_CLIENT_ID"),
        ("client_secret", "DATABRICKS_CLIENT_SECRET"), ("auth_type", "DATABRICKS_AUTH_TYPE"),
        ("warehouse_id", "DATABRICKS_WAREHOUSE_ID"), ("catalog", "DATABRICKS_CATALOG"), ("schema", "DATABRICKS_SCHEMA"),
        ("azure_client_id", "ARM_CLIENT_ID"), ("azure_client_secret", "ARM_CLIENT_SECRET"), ("azure_tenant_id", "ARM_TENANT_ID"),
        ("azure_environment", "ARM_ENVIRONMENT"), ("azure_workspace_resource_id", "DATABRICKS_AZURE_RESOURCE_ID"),
        ("oidc_token_env", "DATABRICKS_OIDC_TOKEN_ENV"), ("oidc_token_filepath", "DATABRICKS_OIDC_TOKEN_FILEPATH"),
        ("token_audience", "DATABRICKS_TOKEN_AUDIENCE"),
    ]

    /// Keys that hold a secret: their values are never shown, only where they came from.
    static let secretKeys: Set<String> = ["token", "client_secret", "azure_client_secret"]

    /// Keys whose values identify a principal: shown as set, not by value (the redactor treats
    /// client ids as credentials).
    static let hiddenKeys: Set<String> = secretKeys.union(["client_id", "azure_client_id"])

    /// Keys that configure a host or credentials: set in the environment, they make the SDKs skip
    /// the config file unless a profile is requested.
    private static let authKeys = [
        "host", "token", "client_id", "client_secret", "azure_client_id", "azure_client_secret", "azure_tenant_id",
        "azure_workspace_resource_id", "oidc_token_filepath",
    ]

    subscript(key: String) -> String? { values[key] }

    /// Gathers the settings.
    ///
    /// - Throws: `DatabricksError.configuration` when a requested profile is missing or its file
    ///   cannot be read.
    static func gather(
        _ explicit: DatabricksSettings, environment: [String: String], homeDirectory: String
    ) throws(DatabricksError) -> ConfigSettings {
        var settings = ConfigSettings()
        var sources: [String] = []
        let flags: [(String, String?, String)] = [
            ("warehouse_id", explicit.warehouseID, "--warehouse"), ("catalog", explicit.catalog, "--catalog"),
            ("schema", explicit.schema, "--schema"),
        ]
        for (key, value, flag) in flags {
            if let value { settings.set(key, value, from: "flag " + flag) }
        }
        if !settings.values.isEmpty { sources.append("command line") }
        var fromEnvironment: [String] = []
        for (key, variable) in keys where settings.values[key] == nil {
            if let value = environment[variable], !value.isEmpty {
                settings.set(key, value, from: "environment " + variable)
                fromEnvironment.append(variable)
            }
        }
        if !fromEnvironment.isEmpty { sources.append("environment (\(fromEnvironment.joined(separator: ", ")))") }

        let requestedProfile = explicit.profile ?? environment["DATABRICKS_CONFIG_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        let path = environment["DATABRICKS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory + "/.databrickscfg"
        if requestedProfile != nil || !authKeys.contains(where: { settings.values[$0] != nil }) {
            if let data = FileManager.default.contents(atPath: path) {
                let file = ConfigFile(text: String(decoding: data, as: UTF8.self))
                var profile = requestedProfile
                settings.profileOrigin = explicit.profile != nil ? "flag --profile" : "environment DATABRICKS_CONFIG_PROFILE"
                if profile == nil, let fallback = file.sections["__settings__"]?["default_profile"] {
                    profile = fallback
                    settings.profileOrigin = "[__settings__] default_profile in \(path)"
                }
                if let profile {
                    guard let section = file.sections[profile], profile != "__settings__" else {
                        throw .configuration(
                            "profile '\(profile)' is not in \(path)",
                            source: sources.isEmpty ? "nothing else" : sources.joined(separator: ", "))
                    }
                    settings.read(section, profile: profile, path: path)
                    sources.append("profile '\(profile)' in \(path)")
                } else if let section = file.sections["DEFAULT"], !section.isEmpty {
                    settings.profileOrigin = "the [DEFAULT] section of \(path)"
                    settings.read(section, profile: "DEFAULT", path: path)
                    sources.append("profile 'DEFAULT' in \(path)")
                }
            } else if let requestedProfile {
                throw .configuration(
                    "profile '\(requestedProfile)' was requested but \(path) cannot be read",
                    source: "DATABRICKS_CONFIG_PROFILE or --profile")
            }
        }
        settings.source = sources.isEmpty ? "no environment variables and no \(path)" : sources.joined(separator: ", ")
        return settings
    }

    private mutating func set(_ key: String, _ value: String, from origin: String) {
        values[key] = value
        origins[key] = origin
    }

    private mutating func read(_ section: [String: String], profile: String, path: String) {
        self.profile = profile
        for (key, value) in section where values[key] == nil && !value.isEmpty {
            set(key, value, from: "profile '\(profile)' in \(path)")
        }
    }
}
