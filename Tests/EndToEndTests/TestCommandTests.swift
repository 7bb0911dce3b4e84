import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `dbapi test` through the built binary: snapshots missing, written, passing, changed, updated;
/// an expected error that does not happen; the JUnit XML CI systems read.
final class TestCommandTests: XCTestCase {
    private var root = TemporaryDirectory()

    override func setUp() {
        root = TemporaryDirectory()
        root.write(
            "config/operations.json",
            """
            {
              "shop/stock": {
                "params": {"sku": {"type": "string", "required": true}},
                "examples": [
                  {"name": "kit", "params": {"sku": "KIT"}},
                  {"name": "not-an-error", "params": {"sku": "PEN"}, "expect_error": "INVALID_PARAMETER"}
                ],
                "execution": {
                  "queries": [{"name": "stock", "result_key": "rows"}],
                  "response_mapping": {"total": "sum([r['qty'] for r in results['rows']])", "rows": "results['rows']"}
                }
              }
            }
            """)
        root.write("queries/stock.sql", "SELECT sku, qty, current_timestamp() AS at FROM stock WHERE sku = :sku\n")
        root.write("config/mock-data/stock.csv", "sku,qty\nKIT,4\nPEN,1\nKIT,3\n")
    }

    private func test(_ arguments: [String] = []) throws -> ProcessOutcome {
        try runDBAPI(["test", "--root", root.path] + arguments)
    }

    /// The output with each time replaced by T.
    private func timeless(_ text: String) -> String {
        text.replacingOccurrences(of: #"\([0-9.]+ m?s\)"#, with: "(T)", options: .regularExpression)
            .replacingOccurrences(of: #"time="[0-9.]+""#, with: #"time="T""#, options: .regularExpression)
    }

    private var snapshot: String? {
        (try? Data(contentsOf: URL(fileURLWithPath: root.path + "/config/snapshots/shop/stock/kit.json"))).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    private static let kitSnapshot = """
        {
          "operation": "shop/stock",
          "example": "kit",
          "params": {
            "sku": "KIT"
          },
          "columns": {
            "rows": [
              "sku: STRING",
              "qty: INT",
              "at: TIMESTAMP"
            ]
          },
          "unordered": [
            "rows"
          ],
          "data": {
            "total": 7,
            "rows": [
              {
                "sku": "KIT",
                "qty": 3,
                "at": "<volatile>"
              },
              {
                "sku": "KIT",
                "qty": 4,
                "at": "<volatile>"
              }
            ]
          }
        }

        """

    func testMissingSnapshot_Fails_ThenUpdateWritesIt_ThenTheRunPasses() throws {
        let missing = try test(["kit-only-is-not-an-operation"])
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertEqual(missing.json?["error"]?["message"], .string("unknown operation 'kit-only-is-not-an-operation'; see 'dbapi list'"))

        let first = try test()
        XCTAssertEqual(first.status, 1)
        XCTAssertEqual(
            timeless(first.stdout),
            """
            FAIL    shop/stock kit (T)
                    no snapshot config/snapshots/shop/stock/kit.json (run 'dbapi test --update' to write it)
            FAIL    shop/stock not-an-error (T)
                    expected INVALID_PARAMETER, but the example succeeded
            2 examples: 0 passed, 2 failed (T)

            """)
        XCTAssertNil(snapshot)

        let update = try test(["--update"])
        XCTAssertEqual(update.status, 1, "the example that expects an error still fails")
        XCTAssertTrue(timeless(update.stdout).hasPrefix("written shop/stock kit (T)\nFAIL    shop/stock not-an-error (T)\n"), update.stdout)
        XCTAssertTrue(timeless(update.stdout).hasSuffix("2 examples: 0 passed, 1 failed, 1 written (T)\n"), update.stdout)
        XCTAssertEqual(snapshot, Self.kitSnapshot)

        let again = try test(["shop/stock", "--jobs", "2"])
        XCTAssertEqual(timeless(again.stdout).split(separator: "\n").first, "ok      shop/stock kit (T)")
        XCTAssertEqual(snapshot, Self.kitSnapshot, "byte for byte the same on the next run")
    }

    func testChangedResult_PrintsAMinimalDiff_AndJUnitCarriesIt_ThenUpdateRewritesIt() throws {
        _ = try test(["--update"])
        root.write("config/mock-data/stock.csv", "sku,qty\nKIT,6\nPEN,1\nKIT,3\n")
        let junit = root.path + "/report.xml"
        let changed = try test(["--junit", junit])
        XCTAssertEqual(changed.status, 1)
        XCTAssertEqual(
            timeless(changed.stdout),
            """
            FAIL    shop/stock kit (T)
                    snapshot config/snapshots/shop/stock/kit.json differs (2 differences):
                      data.total: expected 7, got 9
                      data.rows[1].qty: expected 4, got 6
            FAIL    shop/stock not-an-error (T)
                    expected INVALID_PARAMETER, but the example succeeded
            2 examples: 0 passed, 2 failed (T)

            """)

        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        let elements = try XMLElements.parse(Data(xml.utf8))
        XCTAssertEqual(elements.map(\.name), ["testsuites", "testsuite", "testcase", "failure", "testcase", "failure"])
        XCTAssertEqual(elements[0].attributes["tests"], "2")
        XCTAssertEqual(elements[0].attributes["failures"], "2")
        XCTAssertEqual(elements[1].attributes["name"], "shop/stock")
        XCTAssertEqual(elements[1].attributes["failures"], "2")
        XCTAssertEqual(elements[2].attributes["name"], "kit")
        XCTAssertEqual(elements[2].attributes["classname"], "shop/stock")
        XCTAssertNotNil(elements[2].attributes["time"].flatMap(Double.init))
        XCTAssertEqual(
            elements[3].attributes["message"],
            "snapshot config/snapshots/shop/stock/kit.json differs (2 differences): data.total: expected 7, got 9")
        XCTAssertEqual(
            elements[3].text,
            """
            snapshot config/snapshots/shop/stock/kit.json differs (2 differences):
            data.total: expected 7, got 9
            data.rows[1].qty: expected 4, got 6
            """)
        XCTAssertEqual(elements[4].attributes["name"], "not-an-error")
        XCTAssertEqual(elements[5].attributes["message"], "expected INVALID_PARAMETER, but the example succeeded")

        let update = try test(["--update"])
        XCTAssertTrue(timeless(update.stdout).hasPrefix("updated shop/stock kit (T)\n"), update.stdout)
        XCTAssertEqual(
            snapshot,
            Self.kitSnapshot.replacingOccurrences(of: "\"total\": 7", with: "\"total\": 9")
                .replacingOccurrences(of: "\"qty\": 4", with: "\"qty\": 6"))
    }

    func testAllPassing_ExitsZero_AndSnapshotsGoWhereTold() throws {
        root.write(
            "config/operations.json",
            """
            {"shop/stock": {"params": {"sku": {"type": "string", "required": true}},
              "examples": [{"name": "kit", "params": {"sku": "KIT"}}, {"name": "no-sku", "expect_error": "INVALID_PARAMETER"}],
              "execution": {"queries": [{"name": "stock"}]}}}
            """)
        let written = try test(["--update", "--snapshots", root.path + "/elsewhere"])
        XCTAssertEqual(written.status, 0, written.stdout)
        let passing = try test(["--snapshots", root.path + "/elsewhere", "--junit", root.path + "/j.xml"])
        XCTAssertEqual(passing.status, 0, passing.stdout)
        XCTAssertEqual(
            timeless(passing.stdout), "ok      shop/stock kit (T)\nok      shop/stock no-sku (T)\n2 examples: 2 passed, 0 failed (T)\n")
        let error = try String(contentsOfFile: root.path + "/elsewhere/shop/stock/no-sku.json", encoding: .utf8)
        XCTAssertEqual(
            error,
            "{\n  \"operation\": \"shop/stock\",\n  \"example\": \"no-sku\",\n  \"params\": {},\n  \"error\": {\n    \"code\": \"INVALID_PARAMETER\"\n  }\n}\n"
        )
        let xml = try XMLElements.parse(Data(contentsOf: URL(fileURLWithPath: root.path + "/j.xml")))
        XCTAssertEqual(xml.map(\.name), ["testsuites", "testsuite", "testcase", "testcase"])
    }
}

extension TestCommandTests {
    func testBadOptionValues_AreUsageErrors() throws {
        for (arguments, message) in [
            (["--jobs", "0"], "Error: --jobs must be a whole number from 1 to 64, got '0'"),
            (["--format", "csv"], "Error: --format does not apply to 'test'"),
        ] {
            let outcome = try test(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertEqual(outcome.stderr.split(separator: "\n").first.map(String.init), message, "\(arguments)")
        }
    }
}

/// The elements of an XML document in document order, with attributes and text (parsed by
/// Foundation's XMLParser, so the document is well-formed).
private struct XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }

    static func parse(_ data: Data) throws -> [Element] {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.elements
    }
}
