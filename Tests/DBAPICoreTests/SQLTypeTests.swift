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
        XCTAssertEqual(SQLType(sparkName: nested(3, "map<string,int>")), .array(.array(.array(.map(key: .string, value: .int)))))
        XCTAssertNil(SQLType(sparkName: "array<int"))
        XCTAssertNil(SQLType(sparkName: "array<>"))
    }

    func testMapAndStructNames_ParseAndPrintAsSparkWritesThem() {
        let cases: [(String, SQLType?, String?)] = [
            ("map<string,bigint>", .map(key: .string, value: .bigint), "MAP<STRING, BIGINT>"),
            (
                "STRUCT<a: INT, B string NOT NULL COMMENT 'x, y', `c``d`: array<map<int, date>>>",
                .struct([
                    SQLStructField("a", .int), SQLStructField("B", .string), SQLStructField("c`d", .array(.map(key: .int, value: .date))),
                ]),
                "STRUCT<a: INT, B: STRING, `c``d`: ARRAY<MAP<INT, DATE>>>"
            ),
            ("struct<>", .struct([]), "STRUCT<>"),
            ("struct<1a: int>", .struct([SQLStructField("1a", .int)]), "STRUCT<1a: INT>"),
            ("struct<`12`: int>", .struct([SQLStructField("12", .int)]), "STRUCT<`12`: INT>"),
            ("map<int>", nil, nil),
            ("struct<a int", nil, nil),
            ("struct<a: int,>", nil, nil),
            ("map<string, interval day>", .map(key: .string, value: .interval(.day, .day)), "MAP<STRING, INTERVAL DAY>"),
            ("map<string, interval day to month>", nil, nil),
        ]
        for (name, type, printed) in cases {
            XCTAssertEqual(SQLType(sparkName: name), type, name)
            XCTAssertEqual(SQLType(sparkName: name)?.description, printed, name)
        }
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
