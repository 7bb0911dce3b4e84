import DBAPICore
import DBAPITestSupport
import MockEngine
import SQLText
import XCTest

@testable import Operations

final class BinderTests: XCTestCase {
    func testBothForms_InlineAndNative() throws {
        let template = try Template(
            parsing: "SELECT * FROM IDENT WHERE id IN :ids AND tags = :tags AND d >= :d AND name = :n -- :n\nAND t = :tbl")
        let bindings: [String: Binding] = [
            "ids": Binding(value: .array([.int(1), .int(2)]), type: .array(.integer), param: "ids"),
            "tags": Binding(value: .array([.string("a")]), type: .array(.string), param: "tags"),
            "d": Binding(value: .date(19_723), type: .date, param: "d"),
            "n": Binding(value: .string(""), type: .string, param: "n"),
            "tbl": Binding(value: .string("main.t`x"), type: .identifier, param: "tbl"),
        ]
        let statement = try Binder.bind(template, name: "q", bindings: bindings)
        XCTAssertEqual(
            statement.inlinedSQL,
            "SELECT * FROM IDENT WHERE id IN (1L, 2L) AND tags = array('a') AND d >= DATE '2024-01-01' AND name = '' -- :n\nAND t = `main`.`t``x`"
        )
        XCTAssertEqual(
            statement.nativeSQL,
            "SELECT * FROM IDENT WHERE id IN (:ids_0, :ids_1) AND tags = array(:tags_0) AND d >= :d AND name = :n -- :n\nAND t = IDENTIFIER(:tbl)"
        )
        XCTAssertEqual(
            statement.parameters,
            [
                .init(name: "ids_0", value: .int(1), type: .bigint), .init(name: "ids_1", value: .int(2), type: .bigint),
                .init(name: "tags_0", value: .string("a"), type: .string), .init(name: "d", value: .date(19_723), type: .date),
                .init(name: "n", value: .string(""), type: .string), .init(name: "tbl", value: .string("`main`.`t``x`"), type: .string),
            ])
    }

    /// An array marker's element names never capture another marker's parameter (native path).
    func testArrayElementNames_NeverCollideWithOtherMarkers() throws {
        let ids = Binding(value: .array([.int(10), .int(20)]), type: .array(.integer), param: "ids")
        let seven = Binding(value: .array([.int(7)]), type: .array(.integer), param: "ids_")
        let other = Binding(value: .int(99), type: .integer, param: "other")
        typealias Case = (sql: String, bindings: [String: Binding], native: String, parameters: [(String, Int64)])
        let cases: [Case] = [
            (
                "SELECT :ids, :other", ["ids": ids, "other": other], "SELECT array(:ids_0, :ids_1), :other",
                [("ids_0", 10), ("ids_1", 20), ("other", 99)]
            ),
            (
                "SELECT 1 WHERE a IN :ids AND b = :ids_0", ["ids": ids, "ids_0": other],
                "SELECT 1 WHERE a IN (:ids__0, :ids__1) AND b = :ids_0", [("ids__0", 10), ("ids__1", 20), ("ids_0", 99)]
            ),
            (
                "SELECT :ids_1, :ids", ["ids": ids, "ids_1": other], "SELECT :ids_1, array(:ids__0, :ids__1)",
                [("ids_1", 99), ("ids__0", 10), ("ids__1", 20)]
            ),
            (
                "SELECT :ids, :IDS_1", ["ids": ids, "IDS_1": other], "SELECT array(:ids__0, :ids__1), :IDS_1",
                [("ids__0", 10), ("ids__1", 20), ("IDS_1", 99)]
            ),
            (
                "SELECT :ids, :ids_0, :ids__1", ["ids": ids, "ids_0": other, "ids__1": other],
                "SELECT array(:ids___0, :ids___1), :ids_0, :ids__1", [("ids___0", 10), ("ids___1", 20), ("ids_0", 99), ("ids__1", 99)]
            ),
            (
                "SELECT :ids, :ids_0, :ids_", ["ids": ids, "ids_0": other, "ids_": seven],
                "SELECT array(:ids__0, :ids__1), :ids_0, array(:ids___0)", [("ids__0", 10), ("ids__1", 20), ("ids_0", 99), ("ids___0", 7)]
            ),
            (
                "SELECT :ids_0, :ids, 1 IN :ids", ["ids": ids, "ids_0": other],
                "SELECT :ids_0, array(:ids__0, :ids__1), 1 IN (:ids__0, :ids__1)", [("ids_0", 99), ("ids__0", 10), ("ids__1", 20)]
            ),
        ]
        for (sql, bindings, native, expected) in cases {
            let statement = try Binder.bind(try Template(parsing: sql), name: "q", bindings: bindings)
            XCTAssertEqual(statement.nativeSQL, native, sql)
            XCTAssertEqual(statement.parameters, expected.map { .init(name: $0.0, value: .int($0.1), type: .bigint) }, sql)
        }
    }

    func testErrors_UnboundMarkerAndEmptyInList() throws {
        XCTAssertThrowsError(try Binder.bind(try Template(parsing: "SELECT\n  :x"), name: "q", bindings: [:])) {
            XCTAssertEqual($0 as? ParamError, .unbound(marker: "x", line: 2, column: 3))
        }
        let empty = Binding(value: .array([]), type: .array(.integer), param: "ids")
        XCTAssertThrowsError(try Binder.bind(try Template(parsing: "SELECT 1 WHERE 1 IN :ids"), name: "q", bindings: ["ids": empty])) {
            XCTAssertEqual($0 as? ParamError, .emptyList(param: "ids"))
        }
        XCTAssertEqual(
            try Binder.bind(try Template(parsing: "SELECT :ids"), name: "q", bindings: ["ids": empty]).inlinedSQL,
            "SELECT CAST(array() AS ARRAY<BIGINT>)")
    }

    /// Hundreds of hostile strings bound into `SELECT :v AS v` come back byte for byte.
    func testHostileStrings_RoundTripThroughTheEngine() throws {
        let fragments = [
            "'", "\\", "\\'", "''", "'''", "\"", "`", "--", "/*", "*/", ":other", "::", ":v", "${x}", "${env:HOME}", "$", "{", "}",
            "\n", "\r\n", "\0", "\t", "\u{1A}", "‘", "’", "“", "”", "'\u{301}", "e\u{301}", "😀", "\u{202E}", "\u{FEFF}", "%", "_",
            "\\%", "\\n", "\\u0041", "\\101", "a", " ", "SELECT", ";", "DROP TABLE t;", "?", "\u{7F}", "ß", "Ω",
        ]
        var generator = SplitMix64(seed: 42)
        var payloads = fragments + ["", String(repeating: "'\\", count: 5_000), String(repeating: "x", count: 20_000)]
        while payloads.count < 400 {
            let count = Int(generator.next() % 8) + 1
            payloads.append((0..<count).map { _ in fragments[Int(generator.next() % UInt64(fragments.count))] }.joined())
        }
        let engine = SQLEngine(catalog: try MockCatalog(directory: nil))
        let template = try Template(parsing: "SELECT :v AS v")
        for payload in payloads {
            let statement = try Binder.bind(
                template, name: "q", bindings: ["v": Binding(value: .string(payload), type: .string, param: "v")])
            let result = try engine.execute(statement.inlinedSQL, now: 0)
            XCTAssertEqual(result.rows, [[.string(payload)]], "payload \(payload.debugDescription.prefix(80))")
            XCTAssertEqual(result.columns.map(\.name), ["v"])
        }
        XCTAssertEqual(payloads.count, 400)
    }
}
