import SQLText
import XCTest

@testable import Operations

final class TemplateSourceMapTests: XCTestCase {
    func testPlaces_InTheBoundStatement_MapBackToTheTemplate() throws {
        let template = try Template(parsing: "SELECT :a,\n  :bb + x\nFROM t WHERE y = :a")
        // Bound: "SELECT 'one\ntwo',\n  1 + x\nFROM t WHERE y = 'one\ntwo'"
        let map = TemplateSourceMap(template, literals: ["'one\ntwo'", "1", "'one\ntwo'"])
        let cases: [(PlanFailure.Place, Int, Int)] = [
            (.position(line: 3, column: 7), 2, 9),  // x, after a literal with a line break and a shorter one
            (.position(line: 2, column: 1), 1, 8),  // inside the first literal: its marker
            (.position(line: 4, column: 1), 3, 1),  // FROM
            (.position(line: 5, column: 3), 3, 18),  // inside the last literal
            (.position(line: 9, column: 1), 1, 1),  // beyond the statement: its first token
            (.position(line: 1, column: 0), 1, 1),
            (.position(line: 1, column: 500), 3, 20),  // past the end of the statement: just after the template
            (.name("main.default.T"), 3, 6),
            (.after(keyword: .where), 3, 14),
            (.after(keyword: .limit), 1, 1),
            (.unknown, 1, 1),
        ]
        for (place, line, column) in cases {
            let located = map.locate(place)
            XCTAssertEqual(located?.line, line, "\(place)")
            XCTAssertEqual(located?.column, column, "\(place)")
        }
    }

    func testTemplateHoldingTheSentinel_HasNoPositions() throws {
        let template = try Template(parsing: "SELECT '\u{0}\u{FFFF}\u{0}', :a")
        let map = TemplateSourceMap(template, literals: ["1"])
        XCTAssertEqual(map.locate(.position(line: 1, column: 12))?.column, 1)
    }
}
