import DBAPICore
import Foundation

/// Settings given explicitly (command-line flags); they win over the environment and config file.
public struct DatabricksSettings: Sendable, Equatable {
    public var profile: String?
    public var warehouseID: String?
    public var catalog: String?
    public var schema: String?

    public init(profile: String? = nil, warehouseID: String? = nil, catalog: String? = nil, schema: String? = nil) {
        self.profile = profile
        self.warehouseID = warehouseID
        self.catalog = catalog
        self.schema = schema
    }
}

/// A resolved workspace connection, following the Databricks SDKs' unified authentication:
/// explicit settings, then `DATABRICKS_*` environment variables, then a `~/.databrickscfg` profile.
public struct DatabricksConfig: Sendable {
    public enum Authentication: Sendable, Equatable {
        case personalAccessToken(String)
        case oauthMachineToMachine(clientID: String, clientSecret: String)

        public var typeName: String {
            switch self {
            case .personalAccessToken: "pat"
            case .oauthMachineToMachine: "oauth-m2m"
            }
        }
    }

    public let host: URL
    public let authentication: Authentication
    public let warehouseID: String
    public let catalog: String?
    public let schema: String?
    /// Where the settings came from, for error messages (never includes a secret).
    public let source: String

    private static let keys: [(key: String, variable: String)] = [
        ("host", "DATABRICKS_HOST"), ("token", "DATABRICKS_TOKEN"), ("client_id", "DATABRICKS_CLIENT_ID"),
        ("client_secret", "DATABRICKS_CLIENT_SECRET"), ("auth_type", "DATABRICKS_AUTH_TYPE"),
        ("warehouse_id", "DATABRICKS_WAREHOUSE_ID"), ("catalog", "DATABRICKS_CATALOG"), ("schema", "DATABRICKS_SCHEMA"),
    ]

    /// Resolves the connection.
    ///
    /// - Throws: `DatabricksError.configuration` naming what is missing or ambiguous and where
    ///   settings were read from.
    public static func resolve(
        _ explicit: DatabricksSettings, environment: [String: String], homeDirectory: String
    ) throws(DatabricksError) -> DatabricksConfig {
        var values: [String: String] = [:]
        var sources: [String] = []
        if let warehouse = explicit.warehouseID { values["warehouse_id"] = warehouse }
        if let catalog = explicit.catalog { values["catalog"] = catalog }
        if let schema = explicit.schema { values["schema"] = schema }
        if !values.isEmpty { sources.append("command line") }
        var fromEnvironment: [String] = []
        for (key, variable) in keys where values[key] == nil {
            if let value = environment[variable], !value.isEmpty {
                values[key] = value
                fromEnvironment.append(variable)
            }
        }
        if !fromEnvironment.isEmpty { sources.append("environment (\(fromEnvironment.joined(separator: ", ")))") }

        let requestedProfile = explicit.profile ?? environment["DATABRICKS_CONFIG_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
        let authKeys = ["host", "token", "client_id", "client_secret"]
        let path = environment["DATABRICKS_CONFIG_FILE"].flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory + "/.databrickscfg"
        if requestedProfile != nil || !authKeys.contains(where: { values[$0] != nil }) {
            if let data = FileManager.default.contents(atPath: path) {
                let file = ConfigFile(text: String(decoding: data, as: UTF8.self))
                var profile = requestedProfile
                if profile == nil, let fallback = file.sections["__settings__"]?["default_profile"] {
                    profile = fallback
                }
                if let profile {
                    guard let section = file.sections[profile], profile != "__settings__" else {
                        throw .configuration(
                            "profile '\(profile)' is not in \(path)", source: sources.joined(separator: ", ").nonEmpty ?? "nothing else")
                    }
                    for (key, value) in section where values[key] == nil { values[key] = value }
                    sources.append("profile '\(profile)' in \(path)")
                } else if let section = file.sections["DEFAULT"], !section.isEmpty {
                    for (key, value) in section where values[key] == nil { values[key] = value }
                    sources.append("profile 'DEFAULT' in \(path)")
                }
            } else if let requestedProfile {
                throw .configuration(
                    "profile '\(requestedProfile)' was requested but \(path) cannot be read",
                    source: "DATABRICKS_CONFIG_PROFILE or --profile")
            }
        }
        let source = sources.isEmpty ? "no environment variables and no \(path)" : sources.joined(separator: ", ")

        guard let rawHost = values["host"] else {
            throw .configuration("no workspace host: set DATABRICKS_HOST or a profile in ~/.databrickscfg", source: source)
        }
        let host = try normalizedHost(rawHost, source: source)
        let authentication: Authentication
        let hasToken = values["token"] != nil
        let hasClient = values["client_id"] != nil || values["client_secret"] != nil
        switch values["auth_type"] {
        case nil:
            if hasToken && hasClient {
                throw .configuration(
                    "more than one authorization method configured: oauth-m2m and pat; set DATABRICKS_AUTH_TYPE to choose one",
                    source: source)
            }
            authentication = try credentials(values, preferToken: hasToken, source: source)
        case "pat"?:
            authentication = try credentials(values, preferToken: true, source: source)
        case "oauth-m2m"?:
            authentication = try credentials(values, preferToken: false, source: source)
        case let other?:
            throw .configuration("auth type '\(other)' is not supported by dbapi; use pat or oauth-m2m", source: source)
        }
        guard let warehouse = values["warehouse_id"], !warehouse.isEmpty else {
            throw .configuration(
                "no SQL warehouse: set DATABRICKS_WAREHOUSE_ID, --warehouse, or warehouse_id in the profile", source: source)
        }
        return DatabricksConfig(
            host: host, authentication: authentication, warehouseID: warehouse, catalog: values["catalog"],
            schema: values["schema"], source: source)
    }

    private static func credentials(_ values: [String: String], preferToken: Bool, source: String) throws(DatabricksError) -> Authentication
    {
        if preferToken {
            guard let token = values["token"], !token.isEmpty else {
                throw .configuration(
                    "no credentials: set DATABRICKS_TOKEN, or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET", source: source)
            }
            return .personalAccessToken(token)
        }
        guard let id = values["client_id"], !id.isEmpty, let secret = values["client_secret"], !secret.isEmpty else {
            throw .configuration("OAuth M2M needs both DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET", source: source)
        }
        return .oauthMachineToMachine(clientID: id, clientSecret: secret)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
