import XCTest

@testable import SQLText

final class TemplateTests: XCTestCase {
    func testMarkers_FoundOnlyOutsideStringsCommentsAndCasts() throws {
        let cases: [(String, [String])] = [
            ("SELECT :a, :b_2 FROM t WHERE x = :a", ["a", "b_2"]),
            ("SELECT ':no' , \":no\", `:no` FROM t", []),
            ("SELECT 'it\\'s :no' || :yes", ["yes"]),
            ("SELECT 1 -- :no\n, :yes", ["yes"]),
            ("SELECT /* :no /* nested :no */ still :no */ :yes", ["yes"]),
            ("SELECT x::int, y :: string, :z::date", ["z"]),
            ("SELECT raw:store.bicycle, t.col:field, f(x):a, arr[0]:b", []),
            ("SELECT r':raw' , R\":raw\" , :v", ["v"]),
            ("SELECT x FROM t WHERE a = :first AND b IN :second", ["first", "second"]),
            ("SELECT :ä", ["ä"]),
        ]
        for (sql, expected) in cases {
            XCTAssertEqual(try Template(parsing: sql).markerNames, expected, sql)
        }
    }

    func testMarkers_RecordPositionAndInContext() throws {
        let template = try Template(parsing: "SELECT *\nFROM t\nWHERE id IN :ids AND d = :d")
        XCTAssertEqual(
            template.markers,
            [
                Template.Marker(name: "ids", line: 3, column: 13, followsIn: true),
                Template.Marker(name: "d", line: 3, column: 26, followsIn: false),
            ])
    }

    func testLexErrors_ReportWhere() {
        let cases: [(String, LexError)] = [
            ("SELECT 'open", .unterminatedString(line: 1, column: 8)),
            ("SELECT 1\n/* open", .unterminatedComment(line: 2, column: 1)),
            ("SELECT `open", .unterminatedIdentifier(line: 1, column: 8)),
            ("SELECT #", .unexpectedCharacter("#", line: 1, column: 8)),
        ]
        for (sql, expected) in cases {
            XCTAssertThrowsError(try Template(parsing: sql), sql) { XCTAssertEqual($0 as? LexError, expected, sql) }
        }
    }

    func testRender_ReplacesEachMarker() throws {
        let template = try Template(parsing: "SELECT :a + :a -- :a")
        XCTAssertEqual(template.render { "<\($0.name)>" }, "SELECT <a> + <a> -- :a")
    }
}
