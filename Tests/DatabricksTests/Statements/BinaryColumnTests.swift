import DBAPICore
import XCTest

@testable import Databricks

/// A warehouse's BINARY column, alone or inside a nested type, is kept as the text the warehouse sends (how it
/// encodes BINARY is not documented): dbapi does not read it as bytes, as the mock does not guess it either.
final class BinaryColumnTests: XCTestCase {
    func testBinaryColumns_KeepTheWarehousesText() {
        let binary = ColumnDecoder(name: "b", typeName: "BINARY", typeText: "BINARY", precision: nil, scale: nil)
        XCTAssertEqual(binary.column.type, .string)
        guard case .text = binary.kind else { return XCTFail("BINARY is read as \(binary.kind)") }
        let nested = ColumnDecoder(name: "a", typeName: "ARRAY", typeText: "ARRAY<BINARY>", precision: nil, scale: nil)
        XCTAssertEqual(nested.column.type, .nested(typeText: "ARRAY<BINARY>"))
        guard case .nested = nested.kind else { return XCTFail("ARRAY<BINARY> is read as \(nested.kind)") }
    }
}
