import DBAPICore
import XCTest

@testable import MockEngine

final class DecimalRulesTests: XCTestCase {
    func testDecimalRules_MatchSpark() {
        XCTAssertEqual(DecimalRules.add(10, 2, 5, 0), .decimal(precision: 11, scale: 2))
        XCTAssertEqual(DecimalRules.multiply(10, 2, 10, 0), .decimal(precision: 21, scale: 2))
        XCTAssertEqual(DecimalRules.divide(10, 2, 1, 0), .decimal(precision: 14, scale: 6))
        XCTAssertEqual(DecimalRules.multiply(38, 10, 38, 10), .decimal(precision: 38, scale: 6))
    }
}
