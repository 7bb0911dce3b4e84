import XCTest

@testable import MockEngine

final class UTF8ValidationTests: XCTestCase {
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
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), expected, id)
        }
    }

    func testCheck_NamesLineAndByteColumn() {
        let bytes = Array("{\"a\": 1}\n{\"a\": \"caf".utf8) + [0xE9, 0x22, 0x7D]
        XCTAssertEqual(
            UTF8Validation.check(bytes, file: "t.jsonl"),
            .dataFile(file: "t.jsonl", line: 2, column: 11, message: "invalid UTF-8 (byte 0xE9)"))
        XCTAssertNil(UTF8Validation.check(Array("{\"é\": 1}".utf8), file: "t.jsonl"))
    }
}
