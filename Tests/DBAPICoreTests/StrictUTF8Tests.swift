import XCTest

@testable import DBAPICore

final class StrictUTF8Tests: XCTestCase {
    func testInvalidBytes_AreReportedAtTheirLineAndColumn() {
        let cases: [(String, [UInt8], Int, Int)] = [
            ("Latin-1 é", Array("caf".utf8) + [0xE9], 1, 4),
            ("second line", Array("ok\nné\nx".utf8) + [0xFF], 3, 2),
            ("truncated sequence at the end", Array("abc".utf8) + [0xE2, 0x82], 1, 4),
            ("encoded surrogate", Array("a\n".utf8) + [0xED, 0xA0, 0x80], 2, 1),
            ("overlong slash", [0xC0, 0xAF], 1, 1),
            ("lone continuation after multibyte text", Array("é€\n😀".utf8) + [0x80], 2, 5),
        ]
        for (id, bytes, line, column) in cases {
            XCTAssertThrowsError(try StrictUTF8.decode(bytes), id) {
                XCTAssertEqual($0 as? StrictUTF8.InvalidUTF8, StrictUTF8.InvalidUTF8(line: line, column: column), id)
            }
        }
        XCTAssertEqual(StrictUTF8.InvalidUTF8(line: 2, column: 7).description, "not valid UTF-8 text at line 2, column 7")
    }

    func testValidText_DecodesUnchanged() throws {
        XCTAssertEqual(try StrictUTF8.decode(Array("café\n€😀".utf8)), "café\n€😀")
        XCTAssertEqual(try StrictUTF8.decode([]), "")
    }

    func testFirstInvalidOffset_WellFormedSequencesOnly() {
        let ascii = Array("0123456789abcdef".utf8)
        let cases: [(id: String, bytes: [UInt8], expected: Int?)] = [
            ("empty", [], nil),
            ("ascii runs", ascii + ascii + [0x41], nil),
            ("two, three and four bytes", Array("é€😀".utf8), nil),
            ("latin-1 after an ascii run", ascii + Array("caf".utf8) + [0xE9], 19),
            ("lone continuation", [0x41, 0x80], 1),
            ("overlong two-byte", [0xC0, 0x80], 0),
            ("overlong three-byte", [0xE0, 0x80, 0x80], 0),
            ("surrogate", [0x61, 0xED, 0xA0, 0x80], 1),
            ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], 0),
            ("invalid lead byte", [0xFF], 0),
            ("truncated at the end", ascii + [0xE2, 0x82], 16),
            ("bad third byte", [0xE2, 0x82, 0x41], 0),
            ("largest code point", [0xF4, 0x8F, 0xBF, 0xBF], nil),
        ]
        for (id, bytes, expected) in cases {
            XCTAssertEqual(StrictUTF8.firstInvalidOffset(bytes), expected, id)
        }
    }
}
