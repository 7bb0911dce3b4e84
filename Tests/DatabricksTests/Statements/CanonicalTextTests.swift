import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Databricks

/// Canonical text is copied to output instead of decoded and re-encoded, so every text a rule
/// accepts must be exactly what decoding it and writing the value produces.
final class CanonicalTextTests: XCTestCase {
    private let kinds: [(name: String, kind: ColumnDecoder.Kind)] = [
        ("integer", .integer), ("decimal", .decimal), ("double", .double), ("boolean", .boolean), ("date", .date),
        ("timestamp", .timestamp), ("text", .text),
    ]

    /// What output holds for `text` in a column of `kind`: the decoded value's JSON form.
    private func written(_ text: String, as kind: ColumnDecoder.Kind) -> String {
        var bytes: [UInt8] = []
        let value = Array(text.utf8).withUnsafeBufferPointer { ColumnDecoder.value(utf8: $0, as: kind) }
        value.appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func accepts(_ text: String, as kind: ColumnDecoder.Kind) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { CanonicalRule(kind).accepts($0) }
    }

    func testRules_AcceptAndRejectExactly() {
        let cases: [(kind: ColumnDecoder.Kind, accepted: [String], rejected: [String])] = [
            (
                .integer, ["0", "7", "-7", "123456789012345678", "-123456789012345678"],
                ["", "-", "-0", "00", "07", "+7", "1234567890123456789", "1.0", "1e3", " 1"]
            ),
            (
                .decimal, ["0", "0.5", "0.05", "-0.05", "10.00", "-12.50", "12345678901234567890123456789012345678"],
                ["", "-0", "-0.00", "00.5", ".5", "5.", "+1.5", "1e3", "1.2.3", "123456789012345678901234567890123456789"]
            ),
            (
                .double, ["0.5", "-0.5", "456.5", "1.0", "-3.0", "123456789012345.0", "0.123456789012345", "12345.6789"],
                [
                    "0.0", "-0.0", "1", "1.50", "0.05", ".5", "1e10", "1.0E10", "NaN", "Infinity", "1234567890123456.0",
                    "0.1234567890123456", "12345678.12345678",
                ]
            ),
            (.boolean, ["true", "false"], ["TRUE", "True", "tru", "1", "false ", ""]),
            (
                .date, ["2024-02-29", "0001-01-01", "9999-12-31", "1970-01-01"],
                ["2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-05", "2024/01/05", "+2024-01-01"]
            ),
            (
                .timestamp, ["2024-01-01T13:45:12Z", "2024-01-01T13:45:12.5Z", "2024-01-01T00:00:00.123456Z"],
                [
                    "2024-01-01T13:45:12.000Z", "2024-01-01T13:45:12.50Z", "2024-01-01T13:45:12.1234567Z", "2024-01-01 13:45:12Z",
                    "2024-01-01T13:45:12", "2024-01-01T13:45:12+00:00", "2024-01-01T24:00:00Z", "2024-01-01T13:45Z",
                    "2024-02-30T00:00:00Z",
                ]
            ),
            (
                .text, ["", "plain text", "a/b <c> {d}", "~", "é", "日本語 😀", "\u{7F}", "a\u{2028}b", "\u{10FFFF}"],
                ["tab\there", "quote\"", "back\\slash", "\u{1F}", "line\n"]
            ),
        ]
        for (kind, accepted, rejected) in cases {
            for text in accepted {
                XCTAssertTrue(accepts(text, as: kind), "\(kind) should accept \(text.debugDescription)")
                XCTAssertEqual(written(text, as: kind), kind.quoted ? "\"\(text)\"" : text, "\(kind) \(text.debugDescription)")
            }
            for text in rejected {
                XCTAssertFalse(accepts(text, as: kind), "\(kind) should reject \(text.debugDescription)")
            }
        }
    }

    func testEveryAcceptedGeneratedText_IsWrittenUnchanged() {
        var random = SplitMix64(seed: 7)
        for (name, kind) in kinds {
            var acceptedCount = 0
            let count = 20_000
            for _ in 0..<count {
                let text = CellTextGenerator.text(for: kind, using: &random)
                guard accepts(text, as: kind) else { continue }
                acceptedCount += 1
                let expected = kind.quoted ? "\"\(text)\"" : text
                XCTAssertEqual(written(text, as: kind), expected, "\(name) accepted \(text.debugDescription)")
            }
            // The generator must exercise both answers for the property to mean anything.
            XCTAssertGreaterThan(acceptedCount, count / 10, name)
            XCTAssertLessThan(acceptedCount, count * 9 / 10, name)
        }
    }

    func testTextRule_RejectsIllFormedUTF8() {
        let illFormed: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xC2], [0xC2, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xE2, 0x82], [0xE2, 0x28, 0xA1], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x61, 0xF0, 0x9F, 0x98],
        ]
        for bytes in illFormed {
            XCTAssertFalse(bytes.withUnsafeBufferPointer { CanonicalRule.text.accepts($0) }, "\(bytes)")
        }
        let wellFormed: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        for bytes in wellFormed {
            XCTAssertTrue(bytes.withUnsafeBufferPointer { CanonicalRule.text.accepts($0) }, "\(bytes)")
        }
    }

    /// Over random bytes (ASCII, stray continuation and lead bytes, encoded scalars): the text rule
    /// accepts exactly the well-formed UTF-8 without escapes, and each accepted text is written as is.
    func testTextRule_AcceptsExactlyTextThatDecodingKeeps() {
        var random = SplitMix64(seed: 11)
        var acceptedCount = 0
        let count = 20_000
        for _ in 0..<count {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: bytes.append(UInt8.random(in: 0x80...0xFF, using: &random))
                case 1: bytes.append([0x22, 0x5C, 0x0A, 0x1F].randomElement(using: &random) ?? 0)
                case 2...5:
                    let scalar = Unicode.Scalar(UInt32.random(in: 0x80...0x10FFFF, using: &random)) ?? "é"
                    bytes += Array(String(scalar).utf8)
                default: bytes.append(UInt8.random(in: 0x20...0x7E, using: &random))
                }
            }
            let accepted = bytes.withUnsafeBufferPointer { CanonicalRule.text.accepts($0) }
            let decoded = String(validating: bytes, as: UTF8.self)
            let needsNoEscape = !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            XCTAssertEqual(accepted, decoded != nil && needsNoEscape, "\(bytes)")
            guard accepted else { continue }
            acceptedCount += 1
            var written: [UInt8] = []
            bytes.withUnsafeBufferPointer { ColumnDecoder.value(utf8: $0, as: .text) }.appendJSON(to: &written)
            XCTAssertEqual(written, [0x22] + bytes + [0x22], "\(bytes)")
        }
        XCTAssertGreaterThan(acceptedCount, count / 10)
        XCTAssertLessThan(acceptedCount, count * 9 / 10)
    }

    func testScannedBatch_HoldsCanonicalCellsAsTextAndDecodesTheRest() throws {
        let decoder = ResultChunkDecoder(columns: [("i", "LONG", nil), ("s", "STRING", nil), ("ts", "TIMESTAMP", nil)])
        let json = #"[["42","plain","2024-01-01T00:00:00Z"],["042","caf\u00e9","2024-01-01T00:00:00.000Z"],[null,"x"]]"#
        guard case .text(let batch) = try decoder.batch(Array(json.utf8)) else { return XCTFail("expected text cells") }
        let contents: [[String]] = batch.withReader { reader in
            (0..<batch.rowCount).map { row in
                (0..<batch.columnCount).map { column in
                    switch reader.content(row: row, column: column) {
                    case .null: "null"
                    case .text(let text): "text " + String(decoding: text, as: UTF8.self)
                    case .value(let value): "value \(value)"
                    }
                }
            }
        }
        XCTAssertEqual(
            contents,
            [
                ["text 42", "text plain", "text 2024-01-01T00:00:00Z"],
                ["value 42", "value café", "value 2024-01-01 00:00:00"],
                ["null", "text x", "null"],
            ])
        XCTAssertEqual(batch.quotedColumns, [false, true, true])
        let midnight = Int64(CivilTime.days(year: 2024, month: 1, day: 1)) * 86_400_000_000
        XCTAssertEqual(
            batch.rows,
            [
                [.int(42), .string("plain"), .timestamp(midnight)], [.int(42), .string("café"), .timestamp(midnight)],
                [.null, .string("x"), .null],
            ])
    }
}

extension ColumnDecoder.Kind {
    fileprivate var quoted: Bool { CanonicalRule(self).writesJSONString }
}

/// Random cell texts near each kind's canonical form: right shapes, wrong digits, signs, padding,
/// exponents, out-of-range fields and stray characters.
enum CellTextGenerator {
    static func text(for kind: ColumnDecoder.Kind, using random: inout SplitMix64) -> String {
        switch kind {
        case .integer: sign(&random) + digits(Int.random(in: 1...20, using: &random), &random)
        case .decimal: number(maxDigits: 17, &random)
        case .double: number(maxDigits: Int.random(in: 0..<4, using: &random) == 0 ? 17 : 8, &random)
        case .boolean: ["true", "false", "TRUE", "tru", "1", "false "].randomElement(using: &random) ?? ""
        case .date: date(&random)
        case .timestamp: timestamp(&random)
        default: text(&random)
        }
    }

    private static func sign(_ random: inout SplitMix64) -> String {
        ["", "", "", "-", "+"].randomElement(using: &random) ?? ""
    }

    /// Digits biased towards zeros, so leading and trailing zeros come up often.
    private static func digits(_ count: Int, _ random: inout SplitMix64) -> String {
        String((0..<count).map { _ in Bool.random(using: &random) ? "0" : Character(String(Int.random(in: 0...9, using: &random))) })
    }

    private static func number(maxDigits: Int, _ random: inout SplitMix64) -> String {
        var text = sign(&random) + digits(Int.random(in: 0...maxDigits, using: &random), &random)
        if Int.random(in: 0..<5, using: &random) > 0 { text += "." + digits(Int.random(in: 0...maxDigits, using: &random), &random) }
        if Int.random(in: 0..<20, using: &random) == 0 { text += "e" + String(Int.random(in: -20...20, using: &random)) }
        return text
    }

    private static func field(_ range: ClosedRange<Int>, width: Int, _ random: inout SplitMix64) -> String {
        let value = String(Int.random(in: range, using: &random))
        return String(repeating: "0", count: max(0, width - value.count)) + value
    }

    private static func date(_ random: inout SplitMix64) -> String {
        let year = Bool.random(using: &random) ? field(1990...2030, width: 4, &random) : field(0...9999, width: 4, &random)
        let separator = Int.random(in: 0..<30, using: &random) == 0 ? "/" : "-"
        return year + separator + field(0...13, width: 2, &random) + "-"
            + field(0...32, width: Int.random(in: 1...2, using: &random), &random)
    }

    private static func timestamp(_ random: inout SplitMix64) -> String {
        var text = date(&random) + (Int.random(in: 0..<20, using: &random) == 0 ? " " : "T")
        text += field(0...25, width: 2, &random) + ":" + field(0...61, width: 2, &random) + ":" + field(0...61, width: 2, &random)
        if Bool.random(using: &random) { text += "." + digits(Int.random(in: 0...8, using: &random), &random) }
        return text + (["Z", "Z", "Z", "", "+01:00", "z"].randomElement(using: &random) ?? "")
    }

    private static func text(_ random: inout SplitMix64) -> String {
        let pool: [String] = ["a", "Z", " ", "/", "~", "{", "0", "\"", "\\", "\u{7F}", "\u{1F}", "\t", "é", "😀"]
        let plain = Bool.random(using: &random)
        return (0..<Int.random(in: 0...12, using: &random)).map { _ in
            plain ? (pool.prefix(7).randomElement(using: &random) ?? "") : (pool.randomElement(using: &random) ?? "")
        }.joined()
    }
}
