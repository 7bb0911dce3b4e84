import DBAPITestSupport
import Foundation
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
            ("a{0000000001001}", "repetition count too large at offset 16"),
            ("(a{1000}){1000}", "pattern too large (more than 5000 instructions once repetition is expanded) at offset 15"),
            ("((a{1000}){1000}){1000}", "pattern too large (more than 5000 instructions once repetition is expanded) at offset 16"),
            (
                String(repeating: "(abcdefghij){100}|", count: 5) + "x",
                "pattern too large (more than 5000 instructions once repetition is expanded) at offset 89"
            ),
            (String(repeating: "a", count: 4_097), "pattern longer than 4096 characters at offset 4096"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Pattern(source), source) { XCTAssertEqual(($0 as? Pattern.SyntaxError)?.description, message, source) }
        }
    }

    func testLongValues_CostOneDFAStatePerDistinctThreadSet() throws {
        // The reproducer: unanchored "[a-z]{1,1000}X" over a long run of letters (5 s at 100 KB with
        // the old matcher); each value character is now a table lookup once its state is known.
        var matcher = PatternMatcher(try Pattern("[a-z]{1,1000}X"))
        let letters = String(repeating: "a", count: 1_000_000)
        XCTAssertFalse(matcher.matches(letters))
        XCTAssertLessThanOrEqual(matcher.statesBuilt, 1_001)
        XCTAssertTrue(try Pattern("[a-z]{1,1000}X").matches(letters + "X"))
        XCTAssertFalse(try Pattern("^(a|aa)*b$").matches(letters))
    }

    func testCacheFull_SimulationGivesTheSameAnswers() throws {
        // "a[ab]{12}c" remembers the last 12 characters: thousands of DFA states on random text.
        var random = SplitMix64(seed: 17)
        for source in ["a[ab]{12}c", "(a|b)*a(a|b){12}$", "^(ab|ba)*a{2,5}b", "b$", "^$|a", "(x|)*"] {
            let pattern = try Pattern(source)
            for _ in 0..<40 {
                let length = Int(random.next() % 60)
                let text = String((0..<length).map { _ in "abc".randomElement(using: &random) ?? "a" })
                var small = PatternMatcher(pattern, cacheLimit: 64)
                XCTAssertEqual(small.matches(text), pattern.matches(text), "/\(source)/ on \(text)")
            }
        }
    }

    func testRandomPatterns_AgreeWithNSRegularExpression() throws {
        let sources = [
            "a", "^a", "a$", "^a$", "ab|cd", "^(ab|cd)+$", "a.c", "[a-c]+-", "[^ab]", "^\\d{2,3}$", "\\w+ \\w+", "^\\s*$",
            "(a|b)*c", "a{2}b{1,2}", "(?:ab){2,}", "^(a?){3}a{3}$", "x*", "-$", "^[a-c1]{0,4}$", "(a|ab)(c|bcd)", "1|^b",
            "a+?b", "(a*)*b", "^(a|b|c)\\1?$",
        ]
        var random = SplitMix64(seed: 42)
        for source in sources {
            guard let pattern = try? Pattern(source) else {
                XCTAssertEqual(source, "^(a|b|c)\\1?$", "only the back-reference is unsupported")
                continue
            }
            let oracle = try NSRegularExpression(pattern: source)
            for _ in 0..<60 {
                let length = Int(random.next() % 12)
                let text = String((0..<length).map { _ in "abc1- ".randomElement(using: &random) ?? "a" })
                let expected = oracle.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                XCTAssertEqual(pattern.matches(text), expected, "/\(source)/ on \(text.debugDescription)")
            }
        }
    }
}
