import DBAPICore
import XCTest

@testable import Operations

final class JSONPathTests: XCTestCase {
    func testParsing_RoundTripsEveryStep() throws {
        let cases: [(String, [JSONPath.Segment], String)] = [
            ("data", [.key("data")], "data"),
            ("data.items[0].qty", [.key("data"), .key("items"), .index(0), .key("qty")], "data.items[0].qty"),
            ("data.items[*].at", [.key("data"), .key("items"), .anyIndex, .key("at")], "data.items[*].at"),
            (#"data["a b"].c"#, [.key("data"), .key("a b"), .key("c")], #"data["a b"].c"#),
            ("data.São-1", [.key("data"), .key("São-1")], "data.São-1"),
        ]
        for (text, segments, printed) in cases {
            let path = try JSONPath(parsing: text)
            XCTAssertEqual(path.segments, segments, text)
            XCTAssertEqual(path.description, printed, text)
        }
    }

    func testParsing_RefusesTextThatIsNoPath() {
        let cases: [(String, Int)] = [("", 1), ("data.", 5), ("data[x]", 5), ("data[-1]", 5), ("data]", 5), ("[0]", 1), ("a[1", 2)]
        for (text, column) in cases {
            XCTAssertThrowsError(try JSONPath(parsing: text), text) { error in
                XCTAssertEqual((error as? JSONPathError)?.column, column, text)
            }
        }
    }

    func testReplacing_ReachesEveryMatchAndLeavesTheRest() throws {
        let document = try JSONParser.parse(#"{"data": {"rows": [{"at": 1, "n": 2}, {"at": 3}], "at": 4}}"#)
        let replaced = try JSONPath(parsing: "data.rows[*].at").replacing(in: document, with: .string("<ignored>"))
        XCTAssertEqual(
            JSONWriter().string(replaced), #"{"data":{"rows":[{"at":"<ignored>","n":2},{"at":"<ignored>"}],"at":4}}"#)
        XCTAssertEqual(try JSONPath(parsing: "data.nope[3]").replacing(in: document, with: .null), document)
    }
}
