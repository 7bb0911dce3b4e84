import DBAPITestSupport
import XCTest

@testable import MockEngine

extension XCTestCase {
    /// An engine over mock data `files` (name → contents) in a temporary directory kept for the test.
    func engine(_ files: [String: String]) throws -> SQLEngine {
        let directory = TemporaryDirectory()
        for (name, contents) in files { directory.write(name, contents) }
        let catalog = try MockCatalog(directory: directory.path)
        addTeardownBlock { _ = directory }
        return SQLEngine(catalog: catalog)
    }
}
