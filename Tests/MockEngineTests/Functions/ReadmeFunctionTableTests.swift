import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// The README's table of what the mock engine runs lists every function the registries declare, so a
/// user can see at a glance whether a template will work.
final class ReadmeFunctionTableTests: XCTestCase {
    func testEveryRegisteredFunction_IsInTheReadmeTable() throws {
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "## The mock engine's SQL"))
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let words = Set(section[..<end].split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() })
        let missing = (ScalarRegistry.names + AggregateRegistry.names).filter { $0.first?.isLetter == true && !words.contains($0) }
        XCTAssertEqual(missing, [], "functions the README's engine table does not list")
    }
}
