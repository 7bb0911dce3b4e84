import DBAPICore
import DBAPITestSupport
import XCTest

/// `dbapi schema` prints the operation config's JSON Schema.
final class SchemaCommandTests: XCTestCase {
    func testSchema_PrintsTheDraft2020Document() async throws {
        let result = await runCLI(["schema"])
        XCTAssertEqual(result.status, 0)
        let schema = try JSONParser.parse(result.stdout)
        XCTAssertEqual(schema["$schema"], .string("https://json-schema.org/draft/2020-12/schema"))
        XCTAssertEqual(schema["additionalProperties"], .object(JSONObject([("$ref", .string("#/$defs/operation"))])))
        XCTAssertEqual(
            schema["$defs"]?.object?.keys, ["operation", "param", "query", "example", "pagination"])
        XCTAssertEqual(schema["$defs"]?["operation"]?["required"], .array([.string("execution")]))
        XCTAssertTrue(result.stdout.hasSuffix("}\n"))
        let extra = await runCLI(["schema", "--root", "."])
        XCTAssertEqual(extra.status, 64)
    }
}
