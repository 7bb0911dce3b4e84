import XCTest

@testable import SQLText

final class KeywordTests: XCTestCase {
    func testWords_KnowTheirKeywordInAnyCase() throws {
        let tokens = try Lexer.tokenize("select Qty FROM `from` wHeRe y IN (1) AND timestamp")
        XCTAssertEqual(tokens.map(\.keyword), [.select, nil, .from, nil, .where, nil, .in, nil, nil, nil, .and, .timestamp, nil])
        XCTAssertTrue(tokens[0].isWord(.select))
        XCTAssertFalse(tokens[3].isWord(.from), "a back-quoted name is never a keyword")
        XCTAssertEqual(Keyword(word: "Lateral"), .lateral)
        XCTAssertNil(Keyword(word: "selectx"))
        XCTAssertNil(Keyword(word: String(repeating: "a", count: 10_000)))
    }

    /// Reserved words cannot be bare names; other keywords (`DATE`, `YEAR`) can.
    func testNameWords() throws {
        let tokens = try Lexer.tokenize("select date year qty null `null` 'x'")
        XCTAssertEqual(tokens.map(\.isNameWord), [false, true, true, true, false, false, false, false])
        XCTAssertEqual(Keyword.allCases.filter(\.isReserved).count, 53)
    }
}
