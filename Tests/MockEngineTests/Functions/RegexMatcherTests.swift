import DBAPICore
import XCTest

@testable import MockEngine

/// The Java regular expressions the mock runs: what it refuses (UNSUPPORTED_FEATURE rather than a
/// possibly different answer), that matching stays linear, and that its work is bounded.
final class RegexMatcherTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    /// `pattern` as a Spark SQL string literal (backslashes doubled).
    private func literal(_ pattern: String) -> String { "'" + pattern.replacingOccurrences(of: "\\", with: "\\\\") + "'" }

    func testConstructsJavaRunsDifferently_AreUnsupported() throws {
        let cases: [(String, String)] = [
            ("(a)\\1", "backreferences"), ("(?<n>a)\\k<n>", "backreferences"), ("a(?=b)", "lookahead"), ("a(?!b)", "lookahead"),
            ("(?<=a)b", "lookbehind"), ("(?<!a)b", "lookbehind"), ("(?>a)", "atomic groups"), ("a*+", "possessive quantifiers"),
            ("a++", "possessive quantifiers"), ("a{2}+", "possessive quantifiers"),
            ("(a*)*", "a repeated sub-pattern that can match the empty string"),
            ("(?:a|)+", "a repeated sub-pattern that can match the empty string"),
            ("(?u)a", "the regular expression flag (?u)"), ("(?U)a", "the regular expression flag (?U)"),
            ("(?d)a", "the regular expression flag (?d)"), ("\\Ga", "\\G"), ("\\R", "\\R"), ("\\X", "\\X"),
            ("[a-z&&[^b]]", "character class intersection (&&)"), ("\\p{IsLatin}", "the property \\p{Latin}"),
            ("(?i)\\p{Lu}", "Unicode categories under CASE_INSENSITIVE"),
            ("a{100000}", "patterns that compile to more than 20000 instructions"),
        ]
        for (pattern, feature) in cases {
            XCTAssertThrowsError(try engine.execute("SELECT regexp_like('a', \(literal(pattern)))", now: 0), pattern) { error in
                XCTAssertEqual(
                    (error as? EngineError)?.description,
                    "[UNSUPPORTED_FEATURE] The feature is not supported: \(feature) in regular expressions (not implemented by "
                        + "the mock engine). SQLSTATE: 0A000", pattern)
            }
        }
    }

    func testSearchesJavaWouldStartInsideASurrogatePair_AreUnsupported() throws {
        let cases: [(String, String)] = [
            ("regexp_count('😀x', 'x*')", "empty matches before a character outside the Basic Multilingual Plane"),
            ("regexp_replace('😀a', '', '-')", "empty matches before a character outside the Basic Multilingual Plane"),
            ("regexp_extract('a😀', '\\\\B.', 0)", "patterns that can start inside a character outside the Basic Multilingual Plane"),
            (
                "regexp_extract('😀b', '[^\\\\x{1F600}]b', 0)",
                "patterns that can start inside a character outside the Basic Multilingual Plane"
            ),
        ]
        for (call, feature) in cases {
            XCTAssertThrowsError(try engine.execute("SELECT \(call)", now: 0), call) { error in
                XCTAssertEqual(
                    (error as? EngineError)?.description,
                    "[UNSUPPORTED_FEATURE] The feature is not supported: \(feature) in regular expressions (not implemented by "
                        + "the mock engine). SQLSTATE: 0A000", call)
            }
        }
        let answered = try engine.execute("SELECT regexp_extract('a😀b', '.b', 0), regexp_count('😀😀', '😀')", now: 0)
        XCTAssertEqual(answered.rows, [[.string("😀b"), .int(2)]])
    }

    func testCatastrophicBacktrackingPatterns_RunInLinearTime() throws {
        let long = String(repeating: "a", count: 10_000)
        let started = Date()
        let result = try engine.execute(
            "SELECT regexp_like('\(long)', '(a+)+b'), regexp_like('\(long)b', '(a|aa)+b'), length(regexp_extract('\(long)', '(a+)+', 1))",
            now: 0)
        XCTAssertEqual(result.rows, [[.bool(false), .bool(true), .int(10_000)]])
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "a backtracking matcher would not finish")
    }

    func testWorkBeyondTheBudget_IsUnsupportedNotAHang() throws {
        let regex = try CompiledRegex("[a-z]{1,50}z")
        var matcher = RegexMatcher(regex.program, Array(String(repeating: "a", count: 1_000).unicodeScalars), budget: 10_000)
        XCTAssertThrowsError(try matcher.firstMatch(from: 0, regionStart: 0)) { error in
            XCTAssertEqual(error as? RegexError, .unsupported("regular expressions that take this long on one value"))
        }
        var generous = RegexMatcher(regex.program, Array("aaz".unicodeScalars))
        XCTAssertEqual(try generous.firstMatch(from: 0, regionStart: 0), [0, 3])
    }

    func testMatches_FollowJavaFindAfterEmptyMatches() throws {
        let regex = try CompiledRegex("a*")
        let spans = try regex.matches(in: Array("abc".unicodeScalars)).map { $0.start..<$0.end }
        XCTAssertEqual(spans, [0..<1, 1..<1, 2..<2, 3..<3])
    }

    func testInvalidPatterns_AreJavasSyntaxErrors() {
        for pattern in ["(", "a)", "[a-", "*", "a**", "x{y", "{", "[]", "[^]", "\\y", "\\", "a{2,1}", "[b-a]", "(?<1a>x)", "(?z)"] {
            XCTAssertThrowsError(try CompiledRegex(pattern), pattern) { error in XCTAssertEqual(error as? RegexError, .invalid, pattern) }
        }
    }
}
