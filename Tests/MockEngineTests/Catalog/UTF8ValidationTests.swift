import XCTest

@testable import MockEngine

final class UTF8ValidationTests: XCTestCase {
    func testCheck_NamesLineAndByteColumn() {
        let bytes = Array("{\"a\": 1}\n{\"a\": \"caf".utf8) + [0xE9, 0x22, 0x7D]
        XCTAssertEqual(
            UTF8Validation.check(bytes, file: "t.jsonl"),
            .dataFile(file: "t.jsonl", line: 2, column: 11, message: "invalid UTF-8 (byte 0xE9)"))
        XCTAssertNil(UTF8Validation.check(Array("{\"é\": 1}".utf8), file: "t.jsonl"))
    }
}
