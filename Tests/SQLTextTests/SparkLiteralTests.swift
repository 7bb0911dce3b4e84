import DBAPICore
import XCTest

@testable import SQLText

final class SparkLiteralTests: XCTestCase {
    func testStrings_EscapeBackslashQuoteAndSubstitution() {
        let cases: [(String, String)] = [
            ("plain", "'plain'"), ("it's", #"'it\'s'"#), (#"back\slash"#, #"'back\\slash'"#), (#"\'"#, #"'\\\''"#),
            ("${env:HOME}", #"'$\{env:HOME}'"#), ("$ {x}", "'$ {x}'"), ("{$}", "'{$}'"), ("line\nbreak\0nul", "'line\nbreak\0nul'"),
            ("'\u{301}", "'\\'\u{301}'"), ("‘curly’", "'‘curly’'"),
        ]
        for (input, expected) in cases { XCTAssertEqual(SparkLiteral.string(input), expected, input) }
    }

    func testIdentifiers_QuoteEachPart() {
        XCTAssertEqual(SparkLiteral.identifier(["main", "my schema", "t`x"]), "`main`.`my schema`.`t``x`")
    }

    func testRender_TypedLiterals() throws {
        let cases: [(SQLValue, SQLType, Bool, String)] = [
            (.int(5), .bigint, false, "5L"), (.int(-5), .int, false, "(-5)"),
            (.int(Int64.min), .bigint, false, "(-9223372036854775807L - 1L)"),
            (.int(3), .tinyint, false, "3Y"), (.double(1.5), .double, false, "1.5D"), (.double(-0.25), .double, false, "(-0.25D)"),
            (.double(.nan), .double, false, "CAST('NaN' AS DOUBLE)"),
            (.decimal(SQLDecimal(unscaled: -1050, scale: 2)), .decimal(precision: 4, scale: 2), false, "(-10.50BD)"),
            (.decimal(SQLDecimal(unscaled: -1050, scale: 2)), .decimal(precision: 5, scale: 2), false, "CAST((-10.50BD) AS DECIMAL(5,2))"),
            (.decimal(SQLDecimal(unscaled: 5, scale: 2)), .decimal(precision: 2, scale: 2), false, "0.05BD"),
            (.double(1.5), .float, false, "1.5F"), (.double(-0.25), .float, false, "(-0.25F)"),
            (.double(-.infinity), .float, false, "CAST('-Infinity' AS FLOAT)"), (.int(7), .smallint, false, "7S"),
            (.int(-7), .tinyint, false, "(-7Y)"), (.int(7), .int, false, "7"), (.int(7), .bigint, false, "7L"),
            (.bool(true), .boolean, false, "TRUE"), (.null, .date, false, "CAST(NULL AS DATE)"),
            (.date(19_723), .date, false, "DATE '2024-01-01'"),
            (.timestamp(1_704_067_200_500_000), .timestamp, false, "TIMESTAMP '2024-01-01 00:00:00.5Z'"),
            (.array([.int(1), .int(2)]), .array(.bigint), true, "(1L, 2L)"),
            (.array([.string("a")]), .array(.string), false, "array('a')"),
            (.array([]), .array(.string), false, "CAST(array() AS ARRAY<STRING>)"),
            (.map([SQLMapEntry(.int(1), .string("a"))]), .map(key: .bigint, value: .string), false, "map(1L, 'a')"),
            (.map([]), .map(key: .int, value: .date), false, "CAST(map() AS MAP<INT, DATE>)"),
            (
                .struct([SQLField("a", .int(2)), SQLField("b c", .null)]),
                .struct([SQLStructField("a", .tinyint), SQLStructField("b c", .date)]),
                false, "named_struct('a', 2Y, 'b c', CAST(NULL AS DATE))"
            ),
        ]
        for (value, type, inList, expected) in cases {
            XCTAssertEqual(try SparkLiteral.render(value, type: type, inList: inList), expected, "\(value)")
        }
        XCTAssertThrowsError(try SparkLiteral.render(.array([]), type: .array(.int), inList: true)) {
            XCTAssertEqual($0 as? LiteralError, .emptyInList)
        }
    }

    func testRenderedStrings_LexBackToTheSameValue() throws {
        for text in ["a'b", #"a\'b"#, "\\", "${x}", "$${x}", "'; DROP TABLE t; --", "é\u{301}", "\u{0}\u{7}", "--", "/*", "\"", "`"] {
            let tokens = try Lexer.tokenize("SELECT " + SparkLiteral.string(text))
            XCTAssertEqual(tokens[1].kind, .string(text), text)
            XCTAssertEqual(tokens[2].kind, .end, text)
        }
    }
}
