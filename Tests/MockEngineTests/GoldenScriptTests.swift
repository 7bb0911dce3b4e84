import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// Runs every `Scripts/*.test` file against the engine over `Scripts/data`.
///
/// A script is a list of cases separated by blank lines; `#` lines are comments, and each file
/// states the PySpark version that verified its results (`# Verified with PySpark 4.3.0 …`,
/// checked by `scripts/spark-oracle.sh`). A case is a statement, a `----` line, then the expected
/// result: a header `name:TYPE | …` and one line per row, or `error: [CLASS] … SQLSTATE: s` (the
/// error's message line, exactly). A case may also pin the plan the engine runs (`SQLEngine.explain`):
///
///     SELECT id FROM sales WHERE amount > 10
///     ----[plan]
///     Project [id]
///       Filter (amount > 10)
///         Scan main.default.sales [id, region, rep, day, amount, price, fee]
///     ----
///     id:INT
///     …
///
/// The plan is compared line for line, exactly; the oracle skips it and checks only the result.
final class GoldenScriptTests: XCTestCase {
    func testScripts_MatchExpectedOutput() throws {
        let scripts = try XCTUnwrap(Bundle.module.url(forResource: "Scripts", withExtension: nil))
        let catalog = try MockCatalog(directory: scripts.appendingPathComponent("data").path)
        let engine = SQLEngine(catalog: catalog)
        let files = try FileManager.default.contentsOfDirectory(atPath: scripts.path).filter { $0.hasSuffix(".test") }.sorted()
        XCTAssertFalse(files.isEmpty)
        var checked = 0
        var plansChecked = 0
        for file in files {
            let text = try String(contentsOf: scripts.appendingPathComponent(file), encoding: .utf8)
            for testCase in GoldenScript(text: text).cases {
                let now = Int64(1_718_000_000) * 1_000_000  // 2024-06-10T06:13:20Z
                let actual: [String]
                do {
                    actual = GoldenScript.render(try engine.execute(testCase.statement, now: now))
                } catch {
                    // The message line, exactly (a syntax error's caret lines follow it in `description`).
                    actual = ["error: " + (error.description.split(separator: "\n").first.map(String.init) ?? "")]
                }
                if let plan = testCase.plan {
                    let explained: String
                    do {
                        explained = try engine.explain(testCase.statement)
                    } catch {
                        explained = "error: " + error.description
                    }
                    XCTAssertEqual(
                        explained, plan.joined(separator: "\n"), "\(file):\(testCase.line): plan of \(testCase.statement)")
                    plansChecked += 1
                }
                XCTAssertEqual(actual, testCase.expected, "\(file):\(testCase.line): \(testCase.statement)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
        XCTAssertGreaterThanOrEqual(plansChecked, 25)
    }

    func testGoldenScript_ReadsAPinnedPlanBetweenItsMarkers() {
        let script = GoldenScript(
            text: """
                # comment
                SELECT 1
                ----
                1:INT
                1

                SELECT a
                FROM t
                ----[plan]
                Project [a]
                  Scan t [a]
                ----
                a:INT

                """)
        XCTAssertEqual(script.cases.map(\.line), [2, 7])
        XCTAssertEqual(script.cases.map(\.statement), ["SELECT 1", "SELECT a\nFROM t"])
        XCTAssertEqual(script.cases.map(\.plan), [nil, ["Project [a]", "  Scan t [a]"]])
        XCTAssertEqual(script.cases.map(\.expected), [["1:INT", "1"], ["a:INT"]])
    }
}
