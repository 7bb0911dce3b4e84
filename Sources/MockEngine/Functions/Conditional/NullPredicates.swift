import DBAPICore

/// `isnull(x)`, `isnotnull(x)` (printed as Spark prints `x IS NULL`, `x IS NOT NULL`) and `equal_null(a, b)`
/// (`a <=> b`): predicates that are never NULL.
enum NullPredicates {
    static let declarations: [ScalarDeclaration] = [
        nullTest("isnull", printed: "IS NULL", when: true),
        nullTest("isnotnull", printed: "IS NOT NULL", when: false),
        ScalarDeclaration(names: ["equal_null"], arity: 2...2) { call throws(EngineError) in
            try Comparison.compile(.nullSafeEqual, call.arguments[0], call.arguments[1], call.expr)
        },
    ]

    private static func nullTest(_ name: String, printed: String, when isNull: Bool) -> ScalarDeclaration {
        let printer: ScalarDeclaration.Printer = { _, arguments in
            arguments.count == 1 ? "(\(arguments.joined()) \(printed))" : nil
        }
        return ScalarDeclaration(names: [name], arity: 1...1, printer: printer) { call in
            let operand = call.arguments[0].evaluate
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                .bool(try operand(row, context).isNull == isNull)
            }
        }
    }
}
