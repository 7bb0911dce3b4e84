/// How Spark prints a scalar function call in a generated column name: the declaration's printer when it
/// has one (`round(x)` is `round(x, 0)`, `substring(s, 5)` is `substring(s, 5, 2147483647)`), otherwise
/// the call as written: `upper(name)`.
enum FunctionNaming {
    /// The printed call `name(arguments…)`, with `DISTINCT` when asked.
    static func printed(_ name: String, _ arguments: [String], isDistinct: Bool) -> String {
        if let text = DatetimeNaming.printed(name, arguments) { return text }
        let lower = name.lowercased()
        // Aggregates and window functions print as written here; looking them up among the scalar families
        // would build every family.
        if !isDistinct, !AggregateRegistry.isAggregate(lower), !WindowFunctions.requiresOver(lower),
            let printer = ScalarRegistry.declaration(lower)?.printer, let text = printer(name, arguments)
        {
            return text
        }
        return "\(name)(\(isDistinct ? "DISTINCT " : "")\(arguments.joined(separator: ", ")))"
    }
}
