import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import Operations

final class ExampleParserTests: XCTestCase {
    /// The temporary roots, kept until the test ends.
    private var roots: [TemporaryDirectory] = []

    private func catalog(_ examples: String) throws -> OperationCatalog {
        let root = TemporaryDirectory()
        roots.append(root)
        root.write(
            "config/operations.json",
            """
            {
              "shop/item": {
                "params": {"sku": {"type": "string", "required": true, "pattern": "^[A-Z]+$"}, "n": {"type": "integer", "minimum": 0}},
                "examples": \(examples),
                "execution": {"queries": [{"name": "item"}]}
              }
            }
            """)
        root.write("queries/item.sql", "SELECT :sku AS sku, :n AS n")
        return try OperationCatalog(root: root.path)
    }

    func testValidExamples_AreParsedWithTheirExpectations() throws {
        let catalog = try catalog(
            #"""
            [{"name": "ok", "params": {"sku": "AB", "n": 2}, "ignore": ["data.item[*].n", "data[\"odd key\"]"]},
                 {"name": "bad.sku_1", "params": {"sku": "x"}, "expect_error": "INVALID_PARAMETER"}]
            """#)
        XCTAssertEqual(catalog.validateAll(), [])
        let examples = try catalog.operation("shop/item").examples
        XCTAssertEqual(examples.map(\.name), ["ok", "bad.sku_1"])
        XCTAssertEqual(examples.map(\.expectedError), [nil, .invalidParameter])
        XCTAssertEqual(examples[0].params["n"], .int(2))
        XCTAssertEqual(examples[0].ignore.map(\.description), ["data.item[*].n", #"data["odd key"]"#])
        XCTAssertEqual(examples.map(\.line), [4, 5])
    }

    func testInvalidExamples_AreConfigurationIssues() throws {
        let cases: [(String, String)] = [
            (#"{"name": "x"}"#, "examples must be an array of {\"name\", \"params\"} objects"),
            (#"[3]"#, "examples[0] must be an object with a \"name\", got number"),
            (
                #"[{"params": {}}]"#,
                "examples[0] needs a \"name\" of letters, digits, '.', '_' and '-' (not starting with '.'; at most 100), got null"
            ),
            (
                #"[{"name": "../up"}]"#,
                "examples[0] needs a \"name\" of letters, digits, '.', '_' and '-' (not starting with '.'; at most 100), got \"../up\""
            ),
            (
                #"[{"name": "a", "params": {"sku": "AB"}}, {"name": "a", "params": {"sku": "CD"}}]"#,
                "examples[1]: the name 'a' is used twice (first at line 4)"
            ),
            (
                #"[{"name": "a", "params": {"sku": "ab"}}]"#,
                "examples[a]: params are not valid (add \"expect_error\" if that is the point): sku must be a string matching ^[A-Z]+$, got \"ab\""
            ),
            (
                #"[{"name": "a", "params": {"sku": "AB", "extra": 1}}]"#,
                "examples[a]: params are not valid (add \"expect_error\" if that is the point): unknown parameter 'extra'; known parameters: sku, n"
            ),
            (#"[{"name": "a", "params": []}]"#, "examples[a]: params must be an object of name → value, got array"),
            (
                #"[{"name": "a", "expect_error": "BOOM"}]"#,
                "examples[a]: expect_error must be one of " + ErrorCode.allCases.map(\.rawValue).joined(separator: ", ")
                    + ", got \"BOOM\""
            ),
            (
                #"[{"name": "a", "params": {"sku": "AB"}, "ignore": ["data..x"]}]"#,
                "examples[a]: ignore: \"data..x\" is not a path like data.items[0].name (at character 5)"
            ),
            (
                #"[{"name": "a", "params": {"sku": "AB"}, "expect": 1}]"#,
                "examples[0]: unknown key 'expect'; expected name, description, params, expect_error, ignore"
            ),
        ]
        for (examples, message) in cases {
            let issues = try catalog(examples).validateAll()
            XCTAssertEqual(issues.map(\.message), [message], examples)
            XCTAssertEqual(issues.first?.operation, "shop/item", examples)
        }
    }
}

extension ExampleParserTests {
    func testSampleConfig_EveryOperationHasValidExamples_SomeExpectingErrors() throws {
        let catalog = try OperationCatalog(root: Fixtures.packageRoot.path)
        XCTAssertEqual(catalog.validateAll(), [])
        for name in catalog.names {
            let examples = try catalog.operation(name).examples
            XCTAssertFalse(examples.filter { $0.expectedError == nil }.isEmpty, "\(name) has no example that succeeds")
        }
        let failing = try catalog.names.flatMap { try catalog.operation($0).examples.compactMap(\.expectedError) }
        XCTAssertGreaterThanOrEqual(failing.count, 6)
    }
}
