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
            "params": .dict(
                MappingDict([
                    "sku": .string("A-1"), "n": .int(3), "d": .decimal(SQLDecimal(unscaled: 150, scale: 2)),
                    "two": .decimal(SQLDecimal(unscaled: 200, scale: 2)), "none": .none,
                ])),
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
            ("-7 // 2", .int(-4)),
            ("-7 % 3", .int(2)),
            ("7 / 2", .double(3.5)),
            ("2 ** 10", .int(1024)),
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
        for (source, expected) in cases {
            XCTAssertEqual(try evaluate(source), expected, source)
        }
    }

    /// Every comparison operator at the boundary (equal values, one step either side) over ints,
    /// floats, decimals, mixes of them, strings, bools and lists, and None beside a value; expected
    /// values are Python 3's (the params' decimals as `decimal.Decimal`).
    func testComparisons_AtTheBoundary_AreExact() throws {
        let operators = [">", ">=", "<", "<=", "==", "!="]
        let pairs: [(left: String, right: String, results: [Bool])] = [
            ("params['n']", "3", [false, true, false, true, true, false]),
            ("params['n']", "2", [true, true, false, false, false, true]),
            ("params['n']", "4", [false, false, true, true, false, true]),
            ("3", "3.0", [false, true, false, true, true, false]),
            ("3.0", "3", [false, true, false, true, true, false]),
            ("2.5", "3", [false, false, true, true, false, true]),
            ("3", "2.5", [true, true, false, false, false, true]),
            ("params['two']", "2", [false, true, false, true, true, false]),
            ("2", "params['two']", [false, true, false, true, true, false]),
            ("params['two']", "3", [false, false, true, true, false, true]),
            ("params['d']", "1.5", [false, true, false, true, true, false]),
            ("1.5", "params['d']", [false, true, false, true, true, false]),
            ("params['d']", "1.25", [true, true, false, false, false, true]),
            ("results['stock'][0]['price']", "params['d']", [false, true, false, true, true, false]),
            ("results['stock'][1]['price']", "params['d']", [true, true, false, false, false, true]),
            ("params['d']", "params['two']", [false, false, true, true, false, true]),
            ("'b'", "'b'", [false, true, false, true, true, false]),
            ("'a'", "'b'", [false, false, true, true, false, true]),
            ("'ab'", "'a'", [true, true, false, false, false, true]),
            ("'B'", "'a'", [false, false, true, true, false, true]),
            ("''", "''", [false, true, false, true, true, false]),
            ("True", "1", [false, true, false, true, true, false]),
            ("True", "0", [true, true, false, false, false, true]),
            ("False", "0.0", [false, true, false, true, true, false]),
            ("[1, 2]", "[1, 2]", [false, true, false, true, true, false]),
            ("[1, 2]", "[1]", [true, true, false, false, false, true]),
            ("[1, 2]", "[1, 3]", [false, false, true, true, false, true]),
        ]
        for (left, right, results) in pairs {
            for (op, expected) in zip(operators, results) {
                let source = "\(left) \(op) \(right)"
                XCTAssertEqual(try evaluate(source), .bool(expected), source)
            }
        }
        let others: [(String, Bool)] = [
            ("params['none'] == None", true),
            ("params['none'] != None", false),
            ("params['none'] == 0", false),
            ("params['none'] != 0", true),
            ("0 == params['none']", false),
            ("params['none'] is None", true),
            ("params['none'] is not None", false),
            ("1 < params['n'] <= 3", true),
            ("3 <= params['n'] < 3", false),
        ]
        for (source, expected) in others {
            XCTAssertEqual(try evaluate(source), .bool(expected), source)
        }
        let errors: [(String, MappingError)] = [
            ("params['none'] < 1", .typeError("'<' not supported between instances of 'NoneType' and 'int'")),
            ("'a' < 1", .typeError("'<' not supported between instances of 'str' and 'int'")),
        ]
        for (source, expected) in errors {
            XCTAssertThrowsError(try evaluate(source), source) { XCTAssertEqual($0 as? MappingError, expected, source) }
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
            ("7 // 2, ", .syntax("expected end of expression, found ','", column: 7)),
            ("round(2.5), round(3.5)", .syntax("expected end of expression, found ','", column: 11)),
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
