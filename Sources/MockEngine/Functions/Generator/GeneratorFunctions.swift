import DBAPICore

/// A generator bound to its argument: the rows it makes of each input row are appended to it.
struct GeneratePlan: Sendable {
    enum Kind: Sendable {
        /// One row per element: `col`.
        case explode
        /// One row per element with its position: `pos`, `col`.
        case posexplode
        /// One row per STRUCT element of an array, one column per field (NULLs for a NULL element).
        case inline
    }

    let kind: Kind
    /// The call as Spark prints it (for plan descriptions).
    let name: String
    /// Whether an empty or NULL collection still yields one row (of NULLs).
    let isOuter: Bool
    /// The generated columns as Spark names them, and their types.
    let columns: [ScopeColumn]
    /// The collection, evaluated on the input row.
    let argument: Evaluator
}

/// Spark's generator functions: `explode` and `posexplode` over an ARRAY (`col`) or a MAP (`key`, `value`),
/// `inline` over an ARRAY of STRUCTs (one column per field), and their `_outer` forms; `json_tuple` (JSONTuple), `stack` (Stack).
enum GeneratorFunctions {
    private static let kinds: [String: (kind: GeneratePlan.Kind, isOuter: Bool)] = [
        "explode": (.explode, false), "explode_outer": (.explode, true), "posexplode": (.posexplode, false),
        "posexplode_outer": (.posexplode, true), "inline": (.inline, false), "inline_outer": (.inline, true),
    ]

    /// Whether `name` (lower case) is a generator.
    static func isGenerator(_ name: String) -> Bool { kinds[name] != nil || name == JSONTuple.name || name == Stack.name }

    /// Whether `expr` is a call of a generator.
    static func isGeneratorCall(_ expr: Expr) -> Bool {
        if case let .function(name, _, _, _) = expr { return isGenerator(name) }
        return false
    }

    /// Binds generator call `expr` to its compiled `arguments`; `forceOuter` is LATERAL VIEW OUTER.
    static func resolve(_ expr: Expr, _ arguments: [CompiledExpr], forceOuter: Bool = false) throws(EngineError) -> GeneratePlan {
        if case .function(JSONTuple.name, _, _, _) = expr { return try JSONTuple.resolve(expr, arguments) }
        if case .function(Stack.name, _, _, _) = expr { return try Stack.resolve(expr, arguments) }
        guard case let .function(name, written, _, _) = expr, let entry = kinds[name] else {
            throw EngineError.unsupported("\(expr.sqlName) as a generator")
        }
        let kind = entry.kind
        guard !arguments.isEmpty else {
            throw EngineError.classified(
                errorClass: "REQUIRED_PARAMETER_NOT_FOUND", sqlState: "4274K",
                message: "Cannot invoke routine `\(name)` because the parameter named `\(kind == .inline ? "input" : "collection")` is "
                    + "required, but the routine call did not supply a value. Please update the routine call to supply an argument "
                    + "value (either positionally at index 0 or by name) and retry the query again.")
        }
        guard arguments.count == 1 else { throw EngineError.wrongArgumentCount(function: name, expected: "1", got: arguments.count) }
        // Spark reports an `_outer` generator as the generator it wraps: `explode_outer(1)` as `explode(1)`.
        let inner = Expr.function(name: String(name.prefix { $0 != "_" }), arguments: written, isDistinct: false, isStar: false)
        var columns: [ScopeColumn]
        switch (kind, arguments[0].type) {
        case (.inline, .array(.struct(let fields))):
            columns = fields.map { ScopeColumn(qualifier: [], name: $0.name, type: $0.type) }
        case (.inline, _):
            throw LambdaErrors.unexpectedInputType(
                inner.sqlName, ordinal: 0, required: "\"ARRAY<STRUCT>\"", input: written[0].sqlName, type: arguments[0].type)
        case (_, .array(let element)):
            columns = [ScopeColumn(qualifier: [], name: "col", type: element)]
        case (_, .map(let key, let value)):
            columns = [ScopeColumn(qualifier: [], name: "key", type: key), ScopeColumn(qualifier: [], name: "value", type: value)]
        default:
            throw LambdaErrors.unexpectedInputType(
                inner.sqlName, ordinal: 0, required: "(\"ARRAY\" or \"MAP\")", input: written[0].sqlName, type: arguments[0].type)
        }
        if kind == .posexplode { columns.insert(ScopeColumn(qualifier: [], name: "pos", type: .int), at: 0) }
        return GeneratePlan(
            kind: kind, name: expr.sqlName, isOuter: entry.isOuter || forceOuter, columns: columns, argument: arguments[0].evaluate)
    }
}

/// Spark's errors for generators in the wrong place.
enum GeneratorErrors {
    /// A generator outside the select list (WHERE, ORDER BY, a join condition…).
    static func outsideSelect(_ expr: Expr) -> EngineError {
        unsupported("OUTSIDE_SELECT", "outside the SELECT clause, found: \(expr.sqlName).")
    }

    /// A generator inside a select item's expression: `explode(xs) + 1`.
    static func nested(_ item: Expr) -> EngineError { unsupported("NESTED_IN_EXPRESSIONS", "nested in expressions \"\(item.sqlName)\".") }

    /// LATERAL VIEW over a function that is not a generator.
    static func notGenerator(_ name: String) -> EngineError {
        unsupported("NOT_GENERATOR", "`\(name)` is expected to be a generator. However, `\(name)` is not a generator.")
    }

    /// `expr AS (a, b)` where `expr` is no generator.
    static func multiAliasWithoutGenerator(_ expr: Expr, _ aliases: [String]) -> EngineError {
        .classified(
            errorClass: "MULTI_ALIAS_WITHOUT_GENERATOR", sqlState: "42K0E",
            message: "Multi part aliasing (\(aliases.joined(separator: ", "))) is not supported with \"\(expr.sqlName)\" as it is not "
                + "a generator function.")
    }

    /// Aliases for a generator that makes a different number of columns.
    static func aliasCountMismatch(columns: Int, aliases: [String]) -> EngineError {
        .classified(
            errorClass: "UDTF_ALIAS_NUMBER_MISMATCH", sqlState: "42802",
            message: "The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. "
                + "Expected \(columns) aliases, but got \(aliases.joined(separator: ", ")). Please ensure that the number of aliases "
                + "provided matches the number of columns output by the UDTF.")
    }

    private static func unsupported(_ subclass: String, _ message: String) -> EngineError {
        .classified(
            errorClass: "UNSUPPORTED_GENERATOR.\(subclass)", sqlState: "42K0E", message: "The generator is not supported: \(message)")
    }
}

extension Expr {
    /// Whether a generator call appears anywhere in this expression (subqueries are not searched).
    var containsGenerator: Bool { GeneratorFunctions.isGeneratorCall(self) || children.contains { $0.containsGenerator } }
}
