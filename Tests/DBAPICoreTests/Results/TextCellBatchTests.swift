import DBAPICore
import XCTest

final class TextCellBatchTests: XCTestCase {
    private let bytes = Array("12abc".utf8)
    private let decode: @Sendable (UnsafeBufferPointer<UInt8>, Int) -> SQLValue = { text, column in
        column == 0 ? .int(Int64(String(decoding: text, as: UTF8.self)) ?? -1) : .string(String(decoding: text, as: UTF8.self))
    }

    func testRows_DecodeTextAndKeepValues() throws {
        let batch = try XCTUnwrap(
            TextCellBatch(
                bytes: bytes, cells: [.text(0..<2), .text(2..<5), .null, .value(0)], values: [.string("decoded")],
                quotedColumns: [false, true], decode: decode))
        XCTAssertEqual(batch.rowCount, 2)
        XCTAssertEqual(batch.columnCount, 2)
        XCTAssertEqual(batch.rows, [[.int(12), .string("abc")], [.null, .string("decoded")]])
        XCTAssertEqual(RowBatch.text(batch).count, 2)
        XCTAssertEqual(RowBatch.text(batch).rows, batch.rows)
    }

    func testInconsistentCells_AreRefused() {
        let cases: [(name: String, cells: [TextCellBatch.Cell], columns: Int)] = [
            ("range past the bytes", [.text(3..<6)], 1),
            ("missing value", [.value(1)], 1),
            ("ragged rows", [.null, .null, .null], 2),
            ("cells without columns", [.null], 0),
        ]
        for (name, cells, columns) in cases {
            XCTAssertNil(
                TextCellBatch(
                    bytes: bytes, cells: cells, values: [.null], quotedColumns: Array(repeating: false, count: columns), decode: decode),
                name)
        }
        XCTAssertNotNil(
            TextCellBatch(bytes: bytes, cells: [.text(5..<5)], values: [], quotedColumns: [false], decode: decode), "empty text at the end")
    }
}
