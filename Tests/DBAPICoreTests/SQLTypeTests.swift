import DBAPICore
import XCTest

final class SQLTypeTests: XCTestCase {
    private func nested(_ depth: Int, _ element: String = "int") -> String {
        String(repeating: "array<", count: depth) + element + String(repeating: ">", count: depth)
    }

    func testArrayNames_ParseToTheirDepth() {
        XCTAssertEqual(SQLType(sparkName: " ARRAY< array<INT > > "), .array(.array(.int)))
        XCTAssertEqual(SQLType(sparkName: "array<Decimal(10, 2)>"), .array(.decimal(precision: 10, scale: 2)))
        var deepest = SQLType.int
        for _ in 0..<32 { deepest = .array(deepest) }
        XCTAssertEqual(SQLType(sparkName: nested(32)), deepest)
        XCTAssertNil(SQLType(sparkName: nested(32 + 1)))
        XCTAssertNil(SQLType(sparkName: nested(3, "map<string,int>")))
        XCTAssertNil(SQLType(sparkName: "array<int"))
        XCTAssertNil(SQLType(sparkName: "array<>"))
    }

    /// A schema sidecar, a `CAST` or a warehouse's `type_text` can nest arrays without end: such a
    /// name is refused without recursing once per level or copying the name per level.
    func testHugelyNestedNames_AreRefusedQuickly() {
        let clock = ContinuousClock()
        let started = clock.now
        XCTAssertNil(SQLType(sparkName: nested(200_000)))
        XCTAssertLessThan(clock.now - started, .seconds(2))
    }
}
