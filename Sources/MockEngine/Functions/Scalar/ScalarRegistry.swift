import DBAPICore

/// Every scalar function the mock engine knows, declared once in its family's file; the planner, the
/// name generator and the function-name suggestions read this table. A new family is one file with a
/// `declarations` list and one line here.
enum ScalarRegistry {
    /// The families in lookup order (the most used first). Each family's `declarations` is a lazy `static let`,
    /// built only when a lookup reaches it: a statement that calls `abs` builds three small families, not
    /// every function's closures (about 0.4 ms of a process's start).
    private static let families: [@Sendable () -> [ScalarDeclaration]] = [
        { ConditionalFunctions.declarations }, { StringFunctions.declarations }, { MathFunctions.declarations },
        { DateFunctions.declarations }, { ArrayFunctions.declarations }, { MapFunctions.declarations },
        { StringPadding.declarations }, { StringSearch.declarations }, { StringTrim.declarations },
        { RegexFunctions.declarations }, { RegexReplace.declarations }, { StringCharacters.declarations },
        { StringEncoding.declarations }, { BinaryFunctions.declarations }, { ToBinary.declarations }, { Elt.declarations },
        { Overlay.declarations }, { FormatNumber.declarations }, { FormatString.declarations },
        { ToChar.declarations },
        { DoubleMathFunctions.declarations }, { ModularFunctions.declarations }, { BitFunctions.declarations },
        { NumberFunctions.declarations }, { NumericCastFunctions.declarations }, { NullFunctions.declarations },
        { AssertionFunctions.declarations }, { TryArithmeticFunctions.declarations }, { JSONFunctions.declarations },
        { FromJSON.declarations }, { SchemaOfJSON.declarations }, { JSONShapeFunctions.declarations },
        { RandomFunctions.declarations }, { HigherOrderFunctions.declarations }, { DateFieldFunctions.declarations },
        { ExtractFunctions.declarations }, { TruncationFunctions.declarations }, { MonthFunctions.declarations },
        { UnixTimeFunctions.declarations }, { TimeZoneFunctions.declarations }, { TimestampAddDiff.declarations },
        { IntervalConstructors.declarations }, { NullPredicates.declarations }, { NaNFunctions.declarations },
        { StringBuilding.declarations }, { StringCodes.declarations }, { UTF8Validity.declarations }, { MaskFunction.declarations },
        { HashFunctions.declarations }, { CastFunctions.declarations }, { URLCoding.declarations },
        { ArrayEditFunctions.declarations },
        { DayAndMonthNames.declarations }, { TimestampConstructors.declarations },
    ]

    /// Every declaration (tests, README check); builds every family.
    static var declarations: [ScalarDeclaration] { families.flatMap { $0() } }

    /// Every name a scalar function answers to, sorted (suggestions and tests; builds every family).
    static let names = declarations.flatMap(\.names).sorted()

    /// The names a user can call, for suggestions (not the `:` operator's internal name).
    private static let callableNames = names.filter { $0.first?.isLetter ?? false } + AggregateRegistry.names

    /// The declaration answering to `name`, building families only until it is found.
    static func declaration(_ name: String) -> ScalarDeclaration? {
        for family in families {
            if let found = family().first(where: { $0.names.contains(name) }) { return found }
        }
        return nil
    }

    /// UNRESOLVED_ROUTINE (with the closest known name) or UNSUPPORTED_FEATURE (a Spark builtin the
    /// engine lacks) unless `name` is a scalar function.
    static func requireKnown(_ name: String) throws(EngineError) {
        if declaration(name) == nil { throw unknown(name) }
    }

    /// A builtin of Spark's that the engine lacks is UNSUPPORTED_FEATURE (a warehouse would run it);
    /// any other name UNRESOLVED_ROUTINE, as Spark reports it.
    private static func unknown(_ name: String) -> EngineError {
        if SparkBuiltinNames.all.contains(name) { return .unsupported("Spark's builtin function `\(name)`") }
        return .unknownFunction(name, suggestion: NameSuggestion.closest(to: name, among: callableNames))
    }

    /// Resolves a call of scalar function `name` (lower case) on compiled arguments: an unknown name is
    /// UNRESOLVED_ROUTINE or UNSUPPORTED_FEATURE as for `requireKnown`, a wrong argument count WRONG_NUM_ARGS.
    static func compile(
        _ name: String, _ arguments: [CompiledExpr], _ expr: Expr, lambdas: [Int: LambdaArgument] = [:]
    ) throws(EngineError) -> CompiledExpr {
        guard let declaration = declaration(name) else { throw unknown(name) }
        guard declaration.arity.contains(arguments.count) else {
            throw EngineError.wrongArgumentCount(
                function: name, expected: EngineError.arity(declaration.arity), got: arguments.count)
        }
        let call = ScalarCall(name: name, arguments: arguments, expr: expr, lambdas: lambdas)
        let resolved: CompiledExpr
        do throws(EngineError) {
            resolved = try declaration.resolve(call)
        } catch  where error.isDatetimePatternError && arguments.first?.isNullConstant == true {
            // Spark never reads the pattern of a NULL value: resolve again for the type alone.
            var nulls = call
            nulls.arguments = arguments.map { CompiledExpr(constant: .null, type: $0.type) }
            return CompiledExpr(constant: .null, type: try declaration.resolve(nulls).type)
        }
        guard lambdas.isEmpty else { return resolved }
        return NullPropagation.fold(resolved, arguments, nullIntolerant: NullPropagation.intolerantFunctions.contains(name))
    }
}
