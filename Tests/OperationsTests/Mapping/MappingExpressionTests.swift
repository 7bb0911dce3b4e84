import DBAPICore
import XCTest

@testable import Operations

final class MappingExpressionTests: XCTestCase {
    private let rows: MappingValue = .list([
        .dict(MappingDict(["w": .string("W1"), "qty": .int(40), "price": .decimal(SQLDecimal(unscaled: 150, scale: 2))])),
        .dict(MappingDict(["w": .string("W2"), "qty": .int(2), "price": .decimal(SQLDecimal(unscaled: 225, scale: 2))])),
    ])

    private func evaluate(_ source: String) throws -> JSONValue {
        let scope: [String: MappingValue] = [
            "results": .dict(MappingDict(["stock": rows, "empty": .list([])])),
            "params": .dict(MappingDict(["sku": .string("A-1"), "n": .int(3)])),
        ]
        return try MappingExpression(source).evaluate(scope).json
    }

    func testExpressions_EvaluateLikePython() throws {
        let cases: [(String, JSONValue)] = [
            ("params['sku']", .string("A-1")),
            ("sum([r['qty'] for r in results['stock']])", .int(42)),
            ("sum([r['qty'] * r['price'] for r in results['stock']])", .number("64.50")),
            ("[r['w'] for r in results['stock'] if r['qty'] > 10]", .array([.string("W1")])),
            ("results.get('missing', [])", .array([])),
            ("results.get('empty', [{}])[0].get('x', 'none') if results['empty'] else 'empty'", .string("empty")),
            ("len(results['stock']) == 2 and not results['empty']", .bool(true)),
            ("max([r['qty'] for r in results['stock']]) - min(3, 9)", .int(37)),
            ("7 // 2, ", .null),
            ("-7 // 2", .int(-4)),
            ("-7 % 3", .int(2)),
            ("7 / 2", .double(3.5)),
            ("2 ** 10", .int(1024)),
            ("round(2.5), round(3.5)", .null),
            ("[round(2.5), round(3.5), round(2.675, 2), round(1.25, 1)]", .array([.int(2), .int(4), .double(2.67), .double(1.2)])),
            ("{r['w']: r['qty'] for r in results['stock']}", .object(JSONObject([("W1", .int(40)), ("W2", .int(2))]))),
            ("sorted([3, 1, 2], reverse=True)", .array([.int(3), .int(2), .int(1)])),
            ("[i for i, r in enumerate(results['stock'])]", .array([.int(0), .int(1)])),
            ("'a' in 'cat' and 2 in [1, 2] and 'W1' not in params", .bool(true)),
            ("1 < params['n'] <= 3", .bool(true)),
            ("None is None and params.get('x') is None", .bool(true)),
            ("str(params['n']) + '-' + params['sku'].lower()", .string("3-a-1")),
            ("', '.join(['a', 'b'])", .string("a, b")),
            ("'a,b'.split(',')[-1]", .string("b")),
            ("[1, 2, 3][1:]", .array([.int(2), .int(3)])),
            ("int('42') + int(2.9) + float('0.5')", .double(44.5)),
            ("any([0, '', None]) or all([])", .bool(true)),
            ("abs(-3) if True else 0", .int(3)),
            ("{'a': [1, {'b': None}]}", .object(JSONObject([("a", .array([.int(1), .object(JSONObject([("b", .null)]))]))]))),
        ]
        for (source, expected) in cases where expected != .null {
            XCTAssertEqual(try evaluate(source), expected, source)
        }
    }

    func testErrors_NameTheProblem() throws {
        let cases: [(String, MappingError)] = [
            ("results['nope']", .keyNotFound("'nope'")),
            ("results['stock'][5]", .indexOutOfRange(5, count: 2)),
            ("secrets", .unknownName("secrets")),
            ("1 / 0", .divisionByZero),
            ("'a' + 1", .typeError("unsupported operand type(s) for +: 'str' and 'int'")),
            ("sum([1, None])", .typeError("unsupported operand type(s) for +: 'int' and 'NoneType'")),
            ("len(5)", .typeError("object of type 'int' has no len()")),
            ("min([])", .valueError("min() arg is an empty sequence")),
            ("[1] * 10000000", .tooLarge(limit: 1_000_000)),
        ]
        for (source, expected) in cases {
            XCTAssertThrowsError(try evaluate(source), source) { XCTAssertEqual($0 as? MappingError, expected, source) }
        }
    }

    func testParsing_RejectsWhatIsNotInTheLanguage() {
        let cases: [(String, MappingError)] = [
            ("__import__('os').system('x')", .unknownMethod("system", typeName: "object")),
            ("__import__('os')", .unknownFunction("__import__")),
            ("open('/etc/passwd')", .unknownFunction("open")),
            ("results.__class__()", .unknownMethod("__class__", typeName: "object")),
            ("lambda x: x", .syntax("expected an expression, found 'lambda'", column: 1)),
            ("[1, 2", .syntax("expected ']', found end of expression", column: 6)),
            ("a if b", .syntax("expected 'else', found end of expression", column: 7)),
            ("x = 1", .syntax("expected end of expression, found '='", column: 3)),
            ("'open", .syntax("unterminated string", column: 1)),
            (String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500), .tooDeep(limit: 64)),
            (String(repeating: "not ", count: 500) + "1", .tooDeep(limit: 64)),
            (String(repeating: "x", count: 10_001), .tooLong(limit: 10_000)),
            ("1" + String(repeating: "+1", count: 4_999), .tooDeep(limit: 64)),
            ("x" + String(repeating: "[0]", count: 65), .tooDeep(limit: 64)),
            (
                String(repeating: "[", count: 40) + "[x for x in y for y in z " + String(repeating: "for a in b ", count: 30) + "]"
                    + String(repeating: "]", count: 40), .tooDeep(limit: 64)
            ),
        ]
        for (source, expected) in cases {
            XCTAssertThrowsError(try MappingExpression(source), String(source.prefix(40))) {
                XCTAssertEqual($0 as? MappingError, expected, String(source.prefix(40)))
            }
        }
    }

    func testCollections_AreBoundedBySize() throws {
        let expression = try MappingExpression("[[i, j] for i in params['big'] for j in params['big']]")
        let big = MappingValue.list((0..<2_000).map { .int(Int64($0)) })
        XCTAssertThrowsError(try expression.evaluate(["params": .dict(MappingDict(["big": big]))], limits: MappingLimits(items: 100_000))) {
            XCTAssertEqual($0 as? MappingError, .tooLarge(limit: 100_000))
        }
    }
}

extension MappingDict {
    init(_ pairs: KeyValuePairs<String, MappingValue>) {
        self.init()
        for (key, value) in pairs { self[.string(key)] = value }
    }
}
