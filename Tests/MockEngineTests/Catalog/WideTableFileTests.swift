import DBAPICore
import XCTest

@testable import MockEngine

/// A mock-data file with many columns loads in time linear in its size: names are matched
/// through sets and maps, not by scanning every column for every key (which took minutes for a
/// file of a few hundred kilobytes).
final class WideTableFileTests: XCTestCase {
    private let width = 20_000
    private let clock = ContinuousClock()

    func testWideCSVWithSchema_LoadsQuickly() throws {
        let header = (0..<width).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<width).map { String($0) }.joined(separator: ",")
        let schema = TableSchema(columns: (0..<width).reversed().map { ResultColumn(name: "C\($0)", type: .int) })
        let started = clock.now
        let table = try CSVTableLoader.load(bytes: Array((header + "\n" + row + "\n").utf8), file: "wide.csv", name: "wide", schema: schema)
        XCTAssertLessThan(clock.now - started, .seconds(2))
        XCTAssertEqual(table.columns.count, width)
        XCTAssertEqual(table.rows.first?.first, .int(Int64(width - 1)))
        XCTAssertEqual(table.rows.first?.last, .int(0))
    }

    func testWideJSONLinesWithMissingKeys_LoadQuickly() throws {
        let full = "{" + (0..<width).map { "\"c\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let sparse = "{\"C7\": 70}"
        let started = clock.now
        let inferred = try JSONLTableLoader.load(
            bytes: Array((full + "\n{\"x\": 70}\n").utf8), file: "wide.jsonl", name: "wide", schema: nil)
        let declared = try JSONLTableLoader.load(
            bytes: Array((sparse + "\n" + full + "\n").utf8), file: "wide.jsonl", name: "wide",
            schema: TableSchema(columns: (0..<width).map { ResultColumn(name: "c\($0)", type: .bigint) }))
        XCTAssertLessThan(clock.now - started, .seconds(2))
        XCTAssertEqual(inferred.columns.count, width + 1)
        XCTAssertEqual(inferred.rows[1].filter { $0 != .null }, [.int(70)])
        XCTAssertEqual(declared.rows[0][7], .int(70))
        XCTAssertEqual(declared.rows[1][width - 1], .int(Int64(width - 1)))
    }
}
