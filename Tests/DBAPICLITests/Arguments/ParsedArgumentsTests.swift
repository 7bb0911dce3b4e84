import XCTest

@testable import DBAPICLI

final class ParsedArgumentsTests: XCTestCase {
    func testParsing_FormsOfOptions() throws {
        let parsed = try ParsedArguments.parse(["run", "op", "--param", "a=1", "--param=b=2", "--pretty", "-h", "--", "--not-an-option"])
        XCTAssertEqual(parsed.command, "run")
        XCTAssertEqual(parsed.positionals, ["op", "--not-an-option"])
        XCTAssertEqual(parsed.options.map(\.option), [.param, .param, .pretty, .help])
        XCTAssertEqual(parsed.options.map(\.value), ["a=1", "b=2", nil, nil])
    }

    func testParsing_Errors() {
        let cases: [([String], UsageError)] = [
            (["run", "--parm", "a=1"], .unknownOption("--parm", suggestion: "--param")),
            (["run", "op", "--param"], .missingValue("--param", placeholder: "NAME=VALUE")),
            (["list", "--pretty=yes"], .unexpectedValue("--pretty")),
        ]
        for (words, expected) in cases {
            XCTAssertThrowsError(try ParsedArguments.parse(words), "\(words)") { XCTAssertEqual($0 as? UsageError, expected) }
        }
    }

    func testCommands_ValidateTheirOptionsAndArguments() throws {
        let cases: [([String], UsageError)] = [
            (["list", "--param", "a=1"], .optionNotForCommand("--param", command: "list")),
            (["run"], .missingArgument("an operation name", command: "run")),
            (["describe", "a", "b"], .extraArgument("b", command: "describe")),
            (["query"], .missingArgument("either SQL text or --sql-file FILE (not both)", command: "query")),
            (
                ["query", "SELECT 1", "--sql-file", "f.sql"],
                .missingArgument("either SQL text or --sql-file FILE (not both)", command: "query")
            ),
        ]
        for (words, expected) in cases {
            let parsed = try ParsedArguments.parse(words)
            let command = try XCTUnwrap(Command(rawValue: parsed.command ?? ""))
            XCTAssertThrowsError(try command.validate(parsed), "\(words)") { XCTAssertEqual($0 as? UsageError, expected) }
        }
    }
}
