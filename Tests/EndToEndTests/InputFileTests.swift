import DBAPICore
import DBAPITestSupport
import XCTest

/// Files given on the command line must be UTF-8: invalid bytes are an error naming the file,
/// line and column, never text silently changed to U+FFFD.
final class InputFileTests: XCTestCase {
    func testInvalidUTF8_InParamsOrSQLFile_IsAnError() throws {
        let directory = TemporaryDirectory()
        directory.write("p.json", bytes: Array(#"{"v": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8))
        directory.write("q.sql", bytes: Array("SELECT 1 AS one,\n 'caf".utf8) + [0xE9] + Array("' AS v".utf8))
        let params = directory.path + "/p.json"
        let sql = directory.path + "/q.sql"
        let cases: [([String], Int32, String, String)] = [
            (["query", "SELECT :v AS v", "--params-file", params], 65, "INVALID_PARAMETER", "--params-file \(params)"),
            (["run", "example/echo", "--params-file", params], 65, "INVALID_PARAMETER", "--params-file \(params)"),
            (["query", "--sql-file", sql], 64, "USAGE_ERROR", "--sql-file \(sql)"),
        ]
        for (arguments, status, code, source) in cases {
            let outcome = try runDBAPI(arguments)
            let line = source.hasPrefix("--sql-file") ? "line 2, column 6" : "line 1, column 11"
            XCTAssertEqual(outcome.status, status, "\(arguments)")
            XCTAssertEqual(outcome.json?["error"]?["code"], .string(code), "\(arguments)")
            XCTAssertEqual(outcome.stderr, "Error: \(source): not valid UTF-8 text at \(line)\n", "\(arguments)")
        }
    }

    func testInvalidUTF8_OnStandardInput_IsAnError() throws {
        let stdin = Array(#"{"message": ""#.utf8) + [0xFF] + Array(#""}"#.utf8)
        let outcome = try runDBAPI(["run", "example/echo", "--params-file", "-"], stdinBytes: stdin)
        XCTAssertEqual(outcome.status, 65)
        XCTAssertEqual(outcome.stderr, "Error: --params-file -: not valid UTF-8 text at line 1, column 14\n")
    }
}
