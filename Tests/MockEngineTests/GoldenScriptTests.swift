import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// Runs every `Scripts/*.test` file against the engine over `Scripts/data`.
final class GoldenScriptTests: XCTestCase {
    func testScripts_MatchExpectedOutput() throws {
        let scripts = try XCTUnwrap(Bundle.module.url(forResource: "Scripts", withExtension: nil))
        let catalog = try MockCatalog(directory: scripts.appendingPathComponent("data").path)
        let engine = SQLEngine(catalog: catalog)
        let files = try FileManager.default.contentsOfDirectory(atPath: scripts.path).filter { $0.hasSuffix(".test") }.sorted()
        XCTAssertFalse(files.isEmpty)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: scripts.appendingPathComponent(file), encoding: .utf8)
            for testCase in GoldenScript(text: text).cases {
                let now = Int64(1_718_000_000) * 1_000_000  // 2024-06-10T06:13:20Z
                let actual: [String]
                do {
                    actual = GoldenScript.render(try engine.execute(testCase.statement, now: now))
                } catch {
                    actual = ["error: " + error.description]
                }
                if let expectedError = testCase.expected.first, expectedError.hasPrefix("error: ") {
                    XCTAssertTrue(
                        actual.count == 1 && actual[0].contains(expectedError.dropFirst(7)),
                        "\(file):\(testCase.line): expected \(expectedError), got \(actual.joined(separator: "\n"))")
                } else {
                    XCTAssertEqual(actual, testCase.expected, "\(file):\(testCase.line): \(testCase.statement)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
