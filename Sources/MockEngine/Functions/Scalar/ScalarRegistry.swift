import DBAPICore

/// Every scalar function the mock engine knows, declared once in its family's file; the planner, the
/// name generator and the function-name suggestions read this table. A new family is one file with a
/// `declarations` list and one line here.
enum ScalarRegistry {
    static let declarations: [ScalarDeclaration] =
        ConditionalFunctions.declarations + StringFunctions.declarations + MathFunctions.declarations
        + DateFunctions.declarations + ArrayFunctions.declarations + MapFunctions.declarations
        + StringPadding.declarations + StringSearch.declarations + StringTrim.declarations + RegexFunctions.declarations
        + RegexReplace.declarations + StringCharacters.declarations + StringEncoding.declarations
        + FormatNumber.declarations + FormatString.declarations
        + DoubleMathFunctions.declarations + ModularFunctions.declarations + BitFunctions.declarations
        + NumberFunctions.declarations + NumericCastFunctions.declarations + NullFunctions.declarations
        + AssertionFunctions.declarations + TryArithmeticFunctions.declarations + JSONFunctions.declarations
        + RandomFunctions.declarations
        + HigherOrderFunctions.declarations
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

    /// The names a user can call, for suggestions (not the `:` operator's internal name).
    private static let callableNames = names.filter { $0.first?.isLetter ?? false } + AggregateRegistry.names

    static func declaration(_ name: String) -> ScalarDeclaration? { byName[name] }

    /// UNRESOLVED_ROUTINE (with the closest known name) unless `name` is a scalar function.
    static func requireKnown(_ name: String) throws(EngineError) {
        if byName[name] == nil { throw unknown(name) }
    }

    private static func unknown(_ name: String) -> EngineError {
        .unknownFunction(name, suggestion: NameSuggestion.closest(to: name, among: callableNames))
    }

    /// Resolves a call of scalar function `name` (lower case) on compiled arguments: an unknown name is
    /// UNRESOLVED_ROUTINE (with the closest known name), a wrong argument count WRONG_NUM_ARGS.
    static func compile(
        _ name: String, _ arguments: [CompiledExpr], _ expr: Expr, lambdas: [Int: LambdaArgument] = [:]
    ) throws(EngineError) -> CompiledExpr {
        guard let declaration = byName[name] else { throw unknown(name) }
        guard declaration.arity.contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(
                function: name, expected: EngineError.arity(declaration.arity), got: arguments.count)
        }
        return try declaration.resolve(ScalarCall(name: name, arguments: arguments, expr: expr, lambdas: lambdas))
    }
}
