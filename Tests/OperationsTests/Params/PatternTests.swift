import XCTest

@testable import Operations

final class PatternTests: XCTestCase {
    func testMatching_SearchSemanticsLikeJSONSchema() throws {
        let cases: [(String, String, Bool)] = [
            ("^[A-Z0-9-]{1,32}$", "KIT-1001", true), ("^[A-Z0-9-]{1,32}$", "kit-1001", false),
            ("^[A-Z0-9-]{1,32}$", String(repeating: "A", count: 33), false), ("^[A-Z0-9-]{1,32}$", "", false),
            ("b", "abc", true), ("^b", "abc", false), ("c$", "abc", true), ("^$", "", true),
            ("^\\d{4}-\\d{2}$", "2024-01", true), ("^\\w+@\\w+\\.com$", "a_1@x.com", true), ("^\\S+$", "a b", false),
            ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abc", false), ("^(?:x|y)?z$", "z", true),
            ("^a.c$", "a\u{e9}c", true), ("^[^a-c]+$", "xyz", true), ("^[^a-c]+$", "xaz", false),
            ("^[\\d_-]+$", "1_2-3", true), ("^a{2,}$", "aaaa", true), ("^a{2,}$", "a", false), ("^a{0,1}b$", "b", true),
            ("^\\.\\*$", ".*", true), ("^[é-ë]$", "ê", true), ("x{a}", "x{a}", true), ("^a+?$", "aaa", true),
        ]
        for (source, text, expected) in cases {
            XCTAssertEqual(try Pattern(source).matches(text), expected, "/\(source)/ on \(text.debugDescription)")
        }
    }

    func testHostileInput_IsMatchedInLinearTime() throws {
        let pattern = try Pattern("^(a+)+$")
        XCTAssertFalse(pattern.matches(String(repeating: "a", count: 5_000) + "!"))
        XCTAssertTrue(try Pattern("^(a|aa)*$").matches(String(repeating: "a", count: 5_000)))
    }

    func testSyntaxErrors_AreReported() {
        let cases: [(String, String)] = [
            ("([a-z", "missing ']' at offset 5"), ("(abc", "missing ')' at offset 4"), ("abc)", "unbalanced ')' at offset 3"),
            ("*a", "nothing to repeat at offset 1"),
            ("(?=a)", "unsupported group syntax (lookarounds and named groups are not supported) at offset 1"),
            ("\\1", "unsupported escape \\1 at offset 2"), ("a{3,1}", "bad repetition range {3,1} at offset 1"),
            ("[z-a]", "bad class range at offset 4"),
            ("a{2000}", "repetition count too large at offset 7"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Pattern(source), source) { XCTAssertEqual(($0 as? Pattern.SyntaxError)?.description, message, source) }
        }
    }
}
