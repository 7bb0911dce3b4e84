import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import Operations

/// The operation config's JSON Schema: every sample config is valid against it, broken configs are not,
/// and the copy the sample configs name (`config/operations.schema.json`) is `dbapi schema`'s output.
final class OperationConfigSchemaTests: XCTestCase {
    private let validator = JSONSchemaValidator(root: OperationConfigSchema.document)

    private var sampleFiles: [String] {
        let root = Fixtures.packageRoot.path
        let extra = (try? FileManager.default.contentsOfDirectory(atPath: root + "/config/operations")) ?? []
        return ["config/operations.json"] + extra.filter { $0.hasSuffix(".json") }.sorted().map { "config/operations/" + $0 }
    }

    func testEverySampleConfig_IsValid_AndNamesTheSchema() throws {
        XCTAssertEqual(sampleFiles.count, 4)
        for file in sampleFiles {
            let json = try JSONParser.parse(String(contentsOfFile: Fixtures.packageRoot.path + "/" + file, encoding: .utf8))
            XCTAssertEqual(validator.errors(json), [], file)
            XCTAssertNotNil(json["$schema"]?.string, file)
        }
    }

    func testBrokenConfigs_AreInvalid() throws {
        let cases: [(String, [String])] = [
            (#"{"a": {}}"#, ["$.a: 'execution' is required"]),
            (#"{"a": {"execution": {"queries": []}}}"#, ["$.a.execution.queries: fewer than 1 items"]),
            (
                #"{"a": {"execution": {"queries": [{"name": "q", "reslt_key": "x"}]}}}"#,
                ["$.a.execution.queries[0].reslt_key: not allowed"]
            ),
            (
                #"{"a": {"params": {"n": {"type": "int32"}}, "execution": {"queries": [{"name": "q"}]}}}"#,
                ["$.a.params.n: matches 0 of the oneOf branches, not 1"]
            ),
            (
                #"{"a": {"examples": [{"name": ".x", "expect_error": "BOOM"}], "execution": {"queries": [{"name": "q"}]}}}"#,
                [
                    "$.a.examples[0].name: does not match ^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$",
                    #"$.a.examples[0].expect_error: "BOOM" is not one of ["#
                        + ErrorCode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]",
                ]
            ),
            (
                #"{"a": {"pagination": {"max_limit": 2147483647}, "execution": {"queries": [{"name": "q"}]}}}"#,
                ["$.a.pagination.max_limit: more than 2147483646.0"]
            ),
        ]
        for (config, errors) in cases {
            XCTAssertEqual(validator.errors(try JSONParser.parse(config)), errors, config)
        }
    }

    func testCommittedSchema_IsTheCurrentOne() throws {
        let committed = try String(contentsOfFile: Fixtures.packageRoot.path + "/config/operations.schema.json", encoding: .utf8)
        XCTAssertEqual(committed, JSONWriter(pretty: true).string(OperationConfigSchema.document) + "\n")
        XCTAssertEqual(OperationConfigSchema.document["$schema"], .string("https://json-schema.org/draft/2020-12/schema"))
    }

    func testSchemaKey_IsNotAnOperation_AndMustBeAString() throws {
        let root = TemporaryDirectory()
        root.write("queries/q.sql", "SELECT 1 AS one")
        root.write("config/operations.json", #"{"$schema": "operations.schema.json", "a": {"execution": {"queries": [{"name": "q"}]}}}"#)
        let catalog = try OperationCatalog(root: root.path)
        XCTAssertEqual(catalog.names, ["a"])
        XCTAssertEqual(catalog.validateAll(), [])
        root.write("config/operations.json", #"{"$schema": 3, "a": {"execution": {"queries": [{"name": "q"}]}}}"#)
        XCTAssertEqual(
            try OperationCatalog(root: root.path).validateAll().map(\.description),
            ["config/operations.json:1: $schema must be a string (a path or URL)"])
    }
}
