import DBAPICore

extension MockBackend {
    /// The mock backend over `settings.mockData`, else ROOT/config/mock-data.
    public static func make(_ settings: BackendSettings) throws -> any SQLBackend {
        let directory = settings.mockData ?? settings.root + "/config/mock-data"
        settings.log("backend mock, data \(directory)")
        return MockBackend(catalog: try MockCatalog(directory: directory))
    }
}
