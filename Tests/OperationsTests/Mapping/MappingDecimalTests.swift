import DBAPICore
import XCTest

@testable import Operations

/// Decimal arithmetic in mappings stays within 38 digits: beyond is a ValueError, never a trap.
final class MappingDecimalTests: XCTestCase {
    private func evaluate(_ source: String) throws -> JSONValue {
        let half = try XCTUnwrap(SQLDecimal(string: "-85070591730234615865843651857942052864"))  // Int128.min / 2
        let nines = try XCTUnwrap(SQLDecimal(string: "99999999999999999999999999999999999999"))
        let tenth = SQLDecimal(unscaled: 1, scale: 1)
        let params = MappingDict(["d": .decimal(half), "nines": .decimal(nines), "tenth": .decimal(tenth)])
        let rows = MappingValue.list([.dict(MappingDict(["x": .decimal(half)])), .dict(MappingDict(["x": .decimal(half)]))])
        return try MappingExpression(source).evaluate(["params": .dict(params), "results": .dict(MappingDict(["r": rows]))]).json
    }

    func testBeyond38Digits_IsAValueError() {
        let tooLarge = MappingError.valueError("decimal result needs more than 38 digits")
        let cases: [(String, MappingError)] = [
            ("-(params['d'] + params['d'])", tooLarge),
            ("abs(params['d'] + params['d'])", tooLarge),
            ("(params['d'] * 2) % -1", tooLarge),
            ("sum([r['x'] for r in results['r']])", tooLarge),
            ("abs(sum([r['x'] for r in results['r']]))", tooLarge),
            ("params['d'] - params['d'] * -1", tooLarge),
            ("params['nines'] + 1", tooLarge),
            ("params['nines'] * params['nines']", tooLarge),
            ("params['nines'] / params['tenth']", tooLarge),
            ("params['nines'] // params['tenth']", tooLarge),
            ("round(params['nines'], -1)", tooLarge),
            ("round(9223372036854775807, -1)", .valueError("integer result too large")),
            ("round(params['nines'])", .valueError("round() result out of range")),
        ]
        for (source, expected) in cases {
            XCTAssertThrowsError(try evaluate(source), source) { XCTAssertEqual($0 as? MappingError, expected, source) }
        }
    }

    func testWithin38Digits_IsExact() throws {
        let cases: [(String, JSONValue)] = [
            ("-params['d']", .number("85070591730234615865843651857942052864")),
            ("abs(params['d'])", .number("85070591730234615865843651857942052864")),
            ("params['d'] % -1", .number("0")),
            ("params['nines'] - 1", .number("99999999999999999999999999999999999998")),
            ("round(params['d'], -30)", .number("-85070592000000000000000000000000000000")),
            ("params['nines'] // 10", .number("9999999999999999999999999999999999999")),
            ("round(9223372036854775807, -2)", .int(9_223_372_036_854_775_800)),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try evaluate(source), expected, source)
        }
    }
}
