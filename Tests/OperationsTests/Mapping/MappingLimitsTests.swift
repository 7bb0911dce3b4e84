import DBAPICore
import XCTest

@testable import Operations

/// Mapping expressions cannot exhaust memory or run away: sizes are checked before anything is
/// built, and every evaluation step counts against a budget.
final class MappingLimitsTests: XCTestCase {
    private let scope: [String: MappingValue] = {
        let numbers = MappingValue.list((0..<1_000).map { .int(Int64($0)) })
        let long = MappingValue.list((0..<100_000).map { .int(Int64($0)) })
        let params = MappingDict([
            "l": numbers, "bl": long, "bl2": long, "kb": .string(String(repeating: "k", count: 1_024)),
            "big": .string(String(repeating: "b", count: 1_000_000)), "big2": .string(String(repeating: "b", count: 1_000_000)),
        ])
        return ["params": .dict(params), "results": .dict(MappingDict())]
    }()

    private func evaluate(_ source: String, _ limits: MappingLimits = MappingLimits()) throws -> JSONValue {
        try MappingExpression(source).evaluate(scope, limits: limits).json
    }

    func testMemoryBombs_AreRefusedBeforeAllocating() {
        let bytes = MappingError.tooManyBytes(limit: 16 * 1_048_576)
        let items = MappingError.tooLarge(limit: 1_000_000)
        let cases: [(String, MappingError)] = [
            ("('a'*999999)*999999", bytes),
            ("len(('a'*999999)*3000)", bytes),
            ("len(('a'*3000).join('b'*999999))", bytes),
            ("len(('a'*999999).replace('a', 'b'*3000))", bytes),
            ("'ab' * 9223372036854775807", bytes),
            ("len(str([params['kb']] * 100000))", bytes),
            ("len([('a'*999999) for c in 'a'*99])", bytes),
            ("len([c for c in 'a'*999999] + [1])", items),
            ("len(params['big'].upper() + params['big2'].lower() * 20)", bytes),
            ("[0] * 2000000", items),
            ("[1, 2] * 9223372036854775807", items),
            ("len(sum([[0]*500]*2000, []))", items),
            ("{c: 1 for c in 'a' * 2000000}", items),
            ("len(enumerate(params['bl'] * 4))", items),
            ("sorted(params['l'] * 1000)", items),
            ("params['big'].split('b')", items),
        ]
        for (source, expected) in cases {
            XCTAssertThrowsError(try evaluate(source), source) { XCTAssertEqual($0 as? MappingError, expected, source) }
        }
    }

    func testRunawayExpressions_StopAtTheStepBudget() {
        // Each would take minutes or hours without a budget (a million-step one keeps the test quick;
        // OperationRunnerTests runs one against the default budget).
        let sources = [
            "len([x for x in params['l'] if 'x' in params['big']])",
            "len([1 for x in params['l'] if params['big'] == params['big2']])",
            "len([1 for x in params['l'] if params['bl'] == params['bl2']])",
            "len([params['big'][-1] for x in params['l']])",
            "len([1 for a in params['l'] for b in params['l'] for c in params['l'] if False])",
            "len([1 for x in params['l'] if -1 in params['bl']])",
            "min([max(params['bl']) for x in params['l']])",
        ]
        for source in sources {
            XCTAssertThrowsError(try evaluate(source, MappingLimits(steps: 1_000_000)), source) {
                XCTAssertEqual($0 as? MappingError, .tooManySteps(limit: 1_000_000), source)
            }
        }
    }

    func testDictKeys_MustBeHashableAsInPython() {
        let cases = ["{[1]: 2}", "{k: 1 for k in [[1]]}", "params.get([1])", "params[{}]", "[1] in params"]
        for source in cases {
            XCTAssertThrowsError(try evaluate(source), source) { error in
                XCTAssertTrue(
                    [.typeError("unhashable type: 'list'"), .typeError("unhashable type: 'dict'")].contains(error as? MappingError), source)
            }
        }
    }

    func testTextAndConcatenation_KeepTheirMeaning() throws {
        let cases: [(String, JSONValue)] = [
            ("'ab' in 'xaby' and '' in 'x' and 'é' in 'café' and 'ab' not in 'a b'", .bool(true)),
            ("'a-b--c'.replace('-', '+')", .string("a+b++c")),
            ("'a,b,,c'.split(',')", .array([.string("a"), .string("b"), .string(""), .string("c")])),
            ("sum(['a', 'b'], '') + str(sum([[1], [2, 3]], []))", .string("ab[1, 2, 3]")),
            ("str([1, 'a', {'k': None}, 2.5])", .string("[1, 'a', {'k': None}, 2.5]")),
            ("['é' * 3, 'ab'[-1], 'héllo'[1:3], len('héllo')]", .array([.string("ééé"), .string("b"), .string("él"), .int(5)])),
            ("'x'.join(['a', 'b', 'c']) + ''.join([])", .string("axbxc")),
            ("len(params['big'] * 16)", .int(16_000_000)),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try evaluate(source), expected, source)
        }
        XCTAssertThrowsError(try evaluate("1 in 'abc'")) {
            XCTAssertEqual($0 as? MappingError, .typeError("'in <string>' requires string as left operand, not int"))
        }
    }

    func testResultSize_CountsEveryReference() throws {
        var size = MappingResultSize(MappingLimits(resultValues: 10, resultBytes: 8))
        try size.add(.list([.string("abcd"), .int(1)]))
        XCTAssertThrowsError(try size.add(.list([.string("abcde")]))) {
            XCTAssertEqual($0 as? MappingError, .resultTooLarge(values: 10, bytes: 8))
        }
        let row = MappingValue.dict(MappingDict(["a": .int(1)]))
        var many = MappingResultSize(MappingLimits(resultValues: 10))
        XCTAssertThrowsError(try many.add(.list(Array(repeating: row, count: 5)))) {
            XCTAssertEqual($0 as? MappingError, .resultTooLarge(values: 10, bytes: 64 * 1_048_576))
        }
    }
}
