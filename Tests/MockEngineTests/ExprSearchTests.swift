import XCTest

@testable import MockEngine

/// Searches over an expression visit every kind of child (they once stopped at IN, BETWEEN, LIKE and
/// CASE, so such WHERE conjuncts were never pushed down to a join's input).
final class ExprSearchTests: XCTestCase {
    private func expression(_ text: String) throws -> Expr {
        guard case .select(let select) = try Parser.parse("SELECT " + text).body, case .expression(let expr, _)? = select.items.first
        else { throw XCTSkip("not a single select item: \(text)") }
        return expr
    }

    func testReferencesColumnsAndContainsSubquery_LookIntoEveryChild() throws {
        let cases: [(expression: String, referencesColumns: Bool, containsSubquery: Bool)] = [
            ("1 + 2", false, false),
            ("a", true, false),
            ("a IN (1, 2)", true, false),
            ("1 IN (a, 2)", true, false),
            ("a BETWEEN 1 AND 3", true, false),
            ("1 BETWEEN a AND 3", true, false),
            ("name LIKE 'x%'", true, false),
            ("CASE WHEN a > 1 THEN 'x' END", true, false),
            ("CASE 1 WHEN 1 THEN b END", true, false),
            ("CAST(a AS STRING) IS NULL", true, false),
            ("coalesce(1, a)", true, false),
            ("1 IN (SELECT 1)", false, true),
            ("CASE WHEN EXISTS (SELECT 1) THEN 1 END", false, true),
            ("a + (SELECT 1)", true, true),
            ("'x' LIKE 'y'", false, false),
        ]
        for test in cases {
            let expr = try expression(test.expression)
            XCTAssertEqual(expr.referencesColumns, test.referencesColumns, test.expression)
            XCTAssertEqual(expr.containsSubquery, test.containsSubquery, test.expression)
        }
    }
}
