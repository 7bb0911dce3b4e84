import DBAPICore
import Foundation

extension DatabricksBackend {
    /// A backend for the warehouse the settings, the environment and `~/.databrickscfg` name.
    public static func make(_ settings: BackendSettings) throws -> any SQLBackend {
        let selection = DatabricksSettings(
            profile: settings.profile, warehouseID: settings.warehouse, catalog: settings.catalog, schema: settings.schema)
        let home = settings.environment["HOME"] ?? NSHomeDirectory()
        let config = try DatabricksConfig.resolve(selection, environment: settings.environment, homeDirectory: home)
        var options = StatementOptions()
        if let waitTimeout = settings.waitTimeout { options.waitTimeout = waitTimeout }
        options.timeout = settings.timeout
        options.rowLimit = settings.rowLimit
        options.disposition = settings.disposition
        options.correlationID = settings.correlationID
        options.progress = settings.progress
        settings.log(
            "backend databricks: host \(config.host.absoluteString), warehouse \(config.warehouseID), "
                + "auth \(config.authentication.typeName), settings from \(config.source)")
        return DatabricksBackend(config: config, options: options, version: settings.version, log: settings.log)
    }
}
