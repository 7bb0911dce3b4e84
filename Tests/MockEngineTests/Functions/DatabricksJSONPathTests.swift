import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import MockEngine

/// Databricks' `raw:path` JSON extraction. PySpark has no `:` operator, so the oracle cannot check these: the
/// document and the expected values are the examples of the Databricks SQL reference, "Query JSON strings"
/// (docs.databricks.com/en/sql/language-manual/sql-ref-json-path-expression.html and
/// docs.databricks.com/en/semi-structured/json.html). The result is a STRING; `::type` casts it.
final class DatabricksJSONPathTests: XCTestCase {
    private static let storeData = """
        {"store":{"fruit":[{"weight":8,"type":"apple"},{"weight":9,"type":"pear"}],\
        "basket":[[1,2,{"b":"y","a":"x"}],[3,4],[5,6]],\
        "book":[{"author":"Nigel Rees","title":"Sayings of the Century","category":"reference","price":8.95},\
        {"author":"Herman Melville","title":"Moby Dick","category":"fiction","price":8.99,"isbn":"0-553-21311-3"},\
        {"author":"J. R. R. Tolkien","title":"The Lord of the Rings","category":"fiction",\
        "reader":[{"age":25,"name":"bob"},{"age":26,"name":"jack"}],"price":22.99,"isbn":"0-395-19395-8"}],\
        "bicycle":{"price":19.95,"color":"red"}},"owner":"amy","zip code":"94025","fb:testid":"1234"}
        """

    private func run(_ select: String) throws -> [String] {
        let scripts = try XCTUnwrap(Bundle.module.url(forResource: "Scripts", withExtension: nil))
        let engine = SQLEngine(catalog: try MockCatalog(directory: scripts.appendingPathComponent("data").path))
        let sql = "WITH store_data AS (SELECT '\(Self.storeData)' AS raw) SELECT \(select) FROM store_data"
        return GoldenScript.render(try engine.execute(sql, now: 0))
    }

    func testPaths_ExtractAsTheDatabricksReferenceShows() throws {
        let cases: [(String, String)] = [
            ("raw:owner", "owner:STRING | amy"),
            ("RAW:owner", "owner:STRING | amy"),
            (
                "raw:OWNER AS case_insensitive, raw:['OWNER'] AS case_sensitive",
                "case_insensitive:STRING | case_sensitive:STRING | amy | NULL"
            ),
            ("raw:`zip code` AS zip, raw:`fb:testid` AS id", "zip:STRING | id:STRING | 94025 | 1234"),
            ("raw:['zip code'] AS zip", "zip:STRING | 94025"),
            ("raw:store.bicycle AS b", #"b:STRING | {"price":19.95,"color":"red"}"#),
            ("raw:store['bicycle'] AS b, raw:store['BICYCLE'] AS c", #"b:STRING | c:STRING | {"price":19.95,"color":"red"} | NULL"#),
            (
                "raw:store.fruit[0] AS a, raw:store.fruit[1] AS b",
                #"a:STRING | b:STRING | {"weight":8,"type":"apple"} | {"weight":9,"type":"pear"}"#
            ),
            ("raw:store.basket[*] AS b", #"b:STRING | [[1,2,{"b":"y","a":"x"}],[3,4],[5,6]]"#),
            ("raw:store.basket[*][0] AS first_of_baskets", "first_of_baskets:STRING | [1,3,5]"),
            ("raw:store.basket[0][*] AS first_basket", #"first_basket:STRING | [1,2,{"b":"y","a":"x"}]"#),
            ("raw:store.basket[*][*] AS all_elements_flattened", #"all_elements_flattened:STRING | [1,2,{"b":"y","a":"x"},3,4,5,6]"#),
            ("raw:store.basket[0][2].b AS subfield", "subfield:STRING | y"),
            ("raw:store.book[*].isbn AS isbns", #"isbns:STRING | [null,"0-553-21311-3","0-395-19395-8"]"#),
            ("raw:store.bicycle.price::double AS price", "price:DOUBLE | 19.95"),
            ("raw:store.fruit[0].weight::int + 1 AS w", "w:INT | 9"),
            ("raw:store.missing AS m, raw:store.fruit[5] AS f", "m:STRING | f:STRING | NULL | NULL"),
        ]
        for (select, expected) in cases {
            let lines = try run(select)
            XCTAssertEqual(lines.joined(separator: " | "), expected, select)
        }
    }

    func testMalformedDocumentOrPath_IsNullOrASyntaxError() throws {
        XCTAssertEqual(try run("('not json'):a AS a").joined(separator: " | "), "a:STRING | NULL")
        XCTAssertThrowsError(try run("raw:[")) { error in
            XCTAssertEqual((error as? EngineError)?.errorClass, "PARSE_SYNTAX_ERROR")
        }
    }
}
