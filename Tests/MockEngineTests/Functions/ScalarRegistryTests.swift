import DBAPICore
import XCTest

@testable import MockEngine

/// The scalar function table: every name resolves to one declaration, arity and unknown names fail
/// with Spark's classes, and the printers give Spark's generated names.
final class ScalarRegistryTests: XCTestCase {
    func testEveryName_ResolvesToTheDeclarationThatListsIt() {
        for declaration in ScalarRegistry.declarations {
            for name in declaration.names {
                XCTAssertEqual(ScalarRegistry.declaration(name)?.names, declaration.names, name)
                XCTAssertEqual(name, name.lowercased(), "names are declared in lower case")
            }
        }
        XCTAssertEqual(ScalarRegistry.names.count, Set(ScalarRegistry.declarations.flatMap(\.names)).count, "no name declared twice")
        XCTAssertTrue(Set(ScalarRegistry.names).isDisjoint(with: AggregateRegistry.names), "scalar and aggregate names are distinct")
    }

    func testCompile_ChecksArityAndNames() {
        let one = CompiledExpr(constant: .string("a"), type: .string)
        let expr = Expr.function(name: "upper", arguments: [], isDistinct: false, isStar: false)
        let cases: [(String, [CompiledExpr], String)] = [
            ("upper", [], "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `upper` requires 1 parameters but the actual number is 0."),
            ("upper", [one, one], "[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The `upper` requires 1 parameters but the actual number is 2."),
            ("uper", [one], "[UNRESOLVED_ROUTINE] Cannot resolve routine `uper` on search path"),
        ]
        for (name, arguments, message) in cases {
            XCTAssertThrowsError(try ScalarRegistry.compile(name, arguments, expr), name) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
            }
        }
    }

    func testPrinters_GiveSparksGeneratedNames() {
        let cases: [(String, [String], String)] = [
            ("round", ["x"], "round(x, 0)"),
            ("round", ["x", "2"], "round(x, 2)"),
            ("substring", ["s", "5"], "substring(s, 5, 2147483647)"),
            ("substr", ["s", "5", "1"], "substr(s, 5, 1)"),
            ("replace", ["s", "b"], "replace(s, b, )"),
            ("floor", ["x"], "FLOOR(x)"),
            ("ceil", ["x"], "CEIL(x)"),
            ("ceiling", ["x"], "ceiling(x)"),
            ("if", ["c", "a", "b"], "(IF(c, a, b))"),
            ("upper", ["s"], "upper(s)"),
        ]
        for (name, arguments, printed) in cases {
            XCTAssertEqual(FunctionNaming.printed(name, arguments, isDistinct: false), printed)
        }
    }
}
