import DBAPICore

/// Every scalar function the mock engine knows, declared once in its family's file; the planner, the
/// name generator and the function-name suggestions read this table. A new family is one file with a
/// `declarations` list and one line here.
enum ScalarRegistry {
    static let declarations: [ScalarDeclaration] =
        ConditionalFunctions.declarations + StringFunctions.declarations + MathFunctions.declarations
        + DateFunctions.declarations + ArrayFunctions.declarations + MapFunctions.declarations
        + DateFieldFunctions.declarations + ExtractFunctions.declarations + TruncationFunctions.declarations
        + MonthFunctions.declarations + UnixTimeFunctions.declarations + TimeZoneFunctions.declarations
        + TimestampAddDiff.declarations

    private static let byName: [String: ScalarDeclaration] = {
        var table: [String: ScalarDeclaration] = [:]
        for declaration in declarations {
            for name in declaration.names { table[name] = declaration }
        }
        return table
    }()

    /// Every name a scalar function answers to, sorted.
    static let names = byName.keys.sorted()

    static func declaration(_ name: String) -> ScalarDeclaration? { byName[name] }

    /// Resolves a call of scalar function `name` (lower case) on compiled arguments: an unknown name is
    /// UNRESOLVED_ROUTINE (with the closest known name), a wrong argument count WRONG_NUM_ARGS.
    static func compile(_ name: String, _ arguments: [CompiledExpr], _ expr: Expr) throws(EngineError) -> CompiledExpr {
        guard let declaration = byName[name] else {
            throw EngineError.unknownFunction(
                name, suggestion: NameSuggestion.closest(to: name, among: names + AggregateRegistry.names))
        }
        guard declaration.arity.contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(
                function: name, expected: EngineError.arity(declaration.arity), got: arguments.count)
        }
        return try declaration.resolve(ScalarCall(name: name, arguments: arguments, expr: expr))
    }
}
