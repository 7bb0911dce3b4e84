import DBAPICore
import XCTest

@testable import Operations

final class SnapshotDiffTests: XCTestCase {
    func testDiff_NamesEachDifferingValueByItsPath() throws {
        let cases: [(String, String, [String])] = [
            (#"{"a": 1}"#, #"{"a": 1}"#, []),
            (#"{"data": {"total": 35}}"#, #"{"data": {"total": 36}}"#, ["data.total: expected 35, got 36"]),
            (#"{"a": 1, "b": 2}"#, #"{"b": 2, "c": "x"}"#, ["a: expected 1, got nothing", #"c: expected nothing, got "x""#]),
            (#"{"r": [1, 2]}"#, #"{"r": [1, 3, 4]}"#, ["r[1]: expected 2, got 3", "r[2]: expected nothing, got 4"]),
            (#"{"r": [{"q": 1}]}"#, #"{"r": []}"#, [#"r[0]: expected {"q":1}, got nothing"#]),
            (#"{"a b": {"c": null}}"#, #"{"a b": {"c": [1]}}"#, [#"["a b"].c: expected null, got [1]"#]),
            (#"{"x": 1.50}"#, #"{"x": 1.5}"#, ["x: expected 1.50, got 1.5"]),
        ]
        for (expected, actual, lines) in cases {
            XCTAssertEqual(
                SnapshotDiff.lines(expected: try JSONParser.parse(expected), actual: try JSONParser.parse(actual)), lines, expected)
        }
    }

    func testDiff_StopsAfterTheLimit() throws {
        let old = try JSONParser.parse("[" + (0..<30).map(String.init).joined(separator: ",") + "]")
        let lines = SnapshotDiff.lines(expected: old, actual: .array([]), limit: 3)
        XCTAssertEqual(
            lines,
            [
                "$[0]: expected 0, got nothing", "$[1]: expected 1, got nothing", "$[2]: expected 2, got nothing",
                "… and 27 more differences",
            ])
    }
}
