import DBAPICore
import Foundation
import MockEngine

@testable import Operations

#if canImport(DBAPITestSupport)
    import DBAPITestSupport
#endif

/// One input of the `config` fuzz target (`scripts/fuzz.sh config`, and `ConfigFuzzPropertyTests`):
/// the input is `config/operations.json` of a root whose `queries/` are the repository's. The
/// catalog is loaded and validated, and the first few operations are rendered and run on the mock
/// backend over `config/mock-data` with their default parameters (mapping included); a config
/// with problems then throws them.
enum ConfigFuzzBody {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// A scratch root per process: `config/operations.json` is rewritten by every input.
    private static let root: String = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dbapi-fuzz-config-\(getpid())")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("config"), withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("queries"), withDestinationURL: repository.appendingPathComponent("queries"))
        return root.path
    }()
    private static let backend = (try? MockCatalog(directory: repository.appendingPathComponent("config/mock-data").path))
        .map(MockBackend.init)

    static func run(_ bytes: [UInt8]) throws {
        // Rewritten in place: an atomic write renames over the old file, which ext4 flushes to disk.
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/config/operations.json"))
        } catch {
            throw DBAPIError(.internal, "cannot write the fuzz config under \(root): \(error)")
        }
        let catalog = try OperationCatalog(root: root)
        let issues = catalog.validateAll()
        for name in catalog.names.prefix(4) {
            _ = try? catalog.declaration(name)
            guard (try? OperationRunner.renderOnly(catalog: catalog, name, raw: [:])) != nil, let backend else { continue }
            let runner = OperationRunner(catalog: catalog, backend: backend)
            let envelope = blockingWait { await runner.run(name, raw: [:], meta: JSONObject()) }
            _ = envelope.map { JSONWriter().string($0.json) }
        }
        if !issues.isEmpty { throw CatalogError.invalidConfiguration(issues) }
    }

}
