import DBAPICore

/// Generators in the select list: `SELECT id, explode(xs) AS x FROM t`, `posexplode(xs) AS (p, v)`.
///
/// Each top-level generator item becomes a generate node after the aggregation (so `explode(collect_list(x))`
/// works) and before the window stage (window functions see the generated rows, as in Spark); its columns are
/// appended to the row and the projection reads them as `.generated` items. Several generators make the
/// product of their rows, the first one outermost.
extension Planner {
    /// Refuses generators Spark does not run: nested in a select item's expression, and multi-part aliases
    /// on anything but a generator.
    static func checkGeneratorPlacement(_ items: [SelectItem]) throws(EngineError) {
        for item in items {
            switch item {
            case .expression(let expr, _):
                if GeneratorFunctions.isGeneratorCall(expr) {
                    if expr.children.contains(where: \.containsGenerator) { throw GeneratorErrors.nested(expr) }
                } else if expr.containsGenerator {
                    throw GeneratorErrors.nested(expr)
                }
            case let .multiAlias(expr, aliases):
                guard GeneratorFunctions.isGeneratorCall(expr) else { throw GeneratorErrors.multiAliasWithoutGenerator(expr, aliases) }
                if expr.children.contains(where: \.containsGenerator) { throw GeneratorErrors.nested(expr) }
            case .star:
                break
            }
        }
    }

    /// Plans the generator items of `items` above `input` (rows of `width` columns) and replaces each with its
    /// generated columns; `aliases` are the names written for the item at each position.
    func planGenerators(
        _ items: inout [ProjectionItem], aliases: [Int: [String]], input: Plan, width: Int, compiler: ExpressionCompiler
    ) throws(EngineError) -> (plan: Plan, width: Int) {
        var plan = input
        var expanded: [ProjectionItem] = []
        var added = 0
        for (index, item) in items.enumerated() {
            guard case .expression(let expr, _) = item, GeneratorFunctions.isGeneratorCall(expr),
                case let .function(_, arguments, _, _) = expr
            else {
                expanded.append(item)
                continue
            }
            let generator = try GeneratorFunctions.resolve(
                expr, try arguments.map { (argument) throws(EngineError) in try compiler.compile(argument) })
            let names = try Self.generatedNames(generator, aliases[index])
            for (offset, column) in generator.columns.enumerated() {
                expanded.append(.generated(position: width + added + offset, name: names[offset], type: column.type))
            }
            added += generator.columns.count
            plan = .generate(plan, generator)
        }
        items = expanded
        return (plan, width + added)
    }

    /// The generated columns' names: the aliases, which must match them in number, or Spark's own.
    static func generatedNames(_ generator: GeneratePlan, _ aliases: [String]?) throws(EngineError) -> [String] {
        guard let aliases, !aliases.isEmpty else { return generator.columns.map(\.name) }
        guard aliases.count == generator.columns.count else {
            throw GeneratorErrors.aliasCountMismatch(columns: generator.columns.count, aliases: aliases)
        }
        return aliases
    }
}
