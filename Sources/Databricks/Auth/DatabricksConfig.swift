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
/// explicit settings, then `DATABRICKS_*` (and `ARM_*`) environment variables, then a
/// `~/.databrickscfg` profile.
public struct DatabricksConfig: Sendable {
    public let host: URL
    public let authentication: Authentication
    public let warehouseID: String
    public let catalog: String?
    public let schema: String?
    /// Where the settings came from, for error messages (never includes a secret).
    public let source: String
    /// The environment the CLIs that issue tokens run with (`PATH`, `HOME`, their config).
    let environment: [String: String]

    /// Resolves the connection.
    ///
    /// - Throws: `DatabricksError.configuration` naming what is missing or ambiguous and where
    ///   settings were read from.
    public static func resolve(
        _ explicit: DatabricksSettings, environment: [String: String], homeDirectory: String
    ) throws(DatabricksError) -> DatabricksConfig {
        let (settings, host, authentication) = try workspace(explicit, environment: environment, homeDirectory: homeDirectory)
        guard let warehouse = settings["warehouse_id"] else {
            throw .configuration(
                "no SQL warehouse: set DATABRICKS_WAREHOUSE_ID, --warehouse, or warehouse_id in the profile", source: settings.source)
        }
        return DatabricksConfig(
            host: host, authentication: authentication, warehouseID: warehouse, catalog: settings["catalog"], schema: settings["schema"],
            source: settings.source, environment: environment)
    }

    /// The settings, the workspace host and the auth method, without requiring a warehouse.
    static func workspace(
        _ explicit: DatabricksSettings, environment: [String: String], homeDirectory: String
    ) throws(DatabricksError) -> (settings: ConfigSettings, host: URL, authentication: Authentication) {
        let settings = try ConfigSettings.gather(explicit, environment: environment, homeDirectory: homeDirectory)
        guard let rawHost = settings["host"] else {
            throw .configuration("no workspace host: set DATABRICKS_HOST or a profile in ~/.databrickscfg", source: settings.source)
        }
        let host = try normalizedHost(rawHost, source: settings.source)
        return (settings, host, try authentication(settings, host: host, environment: environment))
    }
}
