import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// `dbapi render --explain`: each parameter's source, raw text, value, Spark type, and marker forms.
final class RenderExplainTests: XCTestCase {
    func testTable_ShowsEachParameterAndMarker() async {
        let result = await runCLI([
            "render", "inventory/status", "--param", "sku=KIT-1001", "--params-json", #"{"countries": ["DE","PL"]}"#, "--explain",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout,
            """
            PARAM      SOURCE         RAW          VALUE        TYPE           MARKER                 INLINE             NATIVE
            sku        --param        KIT-1001     "KIT-1001"   STRING         inventory/status:6:15  'KIT-1001'         :sku  [sku STRING "KIT-1001"]
            min_qty    default        0            0            BIGINT         inventory/status:7:16  0L                 :min_qty  [min_qty BIGINT 0]
            countries  --params-json  ["DE","PL"]  ["DE","PL"]  ARRAY<STRING>  inventory/status:8:8   array('DE', 'PL')  array(:countries_0, :countries_1)  [countries_0 STRING "DE", countries_1 STRING "PL"]
            countries  --params-json  ["DE","PL"]  ["DE","PL"]  ARRAY<STRING>  inventory/status:8:45  array('DE', 'PL')  array(:countries_0, :countries_1)  [countries_0 STRING "DE", countries_1 STRING "PL"]

            """)
    }

    func testJSON_GivesSourcesValuesAndNativeParameters() async throws {
        let directory = TemporaryDirectory()
        directory.write("p.json", #"{"customer_ids": [3, 1]}"#)
        let result = await runCLI([
            "render", "customers/orders", "--params-file", directory.path + "/p.json", "--param", "statuses=shipped", "--explain",
            "--format", "json",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let params = result.json?["data"]?["params"]?.array ?? []
        XCTAssertEqual(params.map { $0["name"] }, [.string("customer_ids"), .string("statuses")])
        XCTAssertEqual(params.map { $0["source"] }, [.string("--params-file \(directory.path)/p.json"), .string("--param")])
        XCTAssertEqual(params.map { $0["raw"] }, [.string("[3,1]"), .string("shipped")])
        XCTAssertEqual(params.map { $0["value"] }, [try JSONParser.parse("[3, 1]"), try JSONParser.parse(#"["shipped"]"#)])
        XCTAssertEqual(params.map { $0["spark_type"] }, [.string("ARRAY<BIGINT>"), .string("ARRAY<STRING>")])
        let marker = params.first?["markers"]?.array?.first
        XCTAssertEqual(marker?["query"], .string("customers/profiles"))
        XCTAssertEqual(marker?["inline"], .string("(3L, 1L)"))
        XCTAssertEqual(marker?["native"], .string("(:ids_0, :ids_1)"))
        XCTAssertEqual(
            marker?["parameters"],
            try JSONParser.parse(#"[{"name": "ids_0", "value": 3, "type": "BIGINT"}, {"name": "ids_1", "value": 1, "type": "BIGINT"}]"#))
        XCTAssertEqual(result.json?["data"]?["queries"]?.array?.count, 2)
    }

    func testBadParameter_IsTheUsualErrorEnvelope() async {
        let result = await runCLI(["render", "inventory/status", "--param", "sku=x;y", "--explain"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.json?["error"]?["code"], .string("INVALID_PARAMETER"))
    }
}
