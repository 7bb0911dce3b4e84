/// How Spark prints a scalar function call in a generated column name: the function's pretty name and the
/// default arguments Spark's builder fills in (`round(x)` is `round(x, 0)`, `substring(s, 5)` is
/// `substring(s, 5, 2147483647)`). A function not listed prints as written: `upper(name)`.
enum FunctionNaming {
    /// A rule for one function: how its call prints, given the already-printed arguments.
    private typealias Rule = @Sendable (_ name: String, _ arguments: [String]) -> String?

    private static let rules: [String: Rule] = [
        "round": { name, arguments in arguments.count == 1 ? call(name, arguments + ["0"]) : nil },
        "bround": { name, arguments in arguments.count == 1 ? call(name, arguments + ["0"]) : nil },
        "substring": { name, arguments in arguments.count == 2 ? call(name, arguments + [String(Int32.max)]) : nil },
        "substr": { name, arguments in arguments.count == 2 ? call(name, arguments + [String(Int32.max)]) : nil },
        "replace": { name, arguments in arguments.count == 2 ? call(name, arguments + [""]) : nil },
        "floor": { _, arguments in arguments.count == 1 ? call("FLOOR", arguments) : nil },
        "ceil": { _, arguments in arguments.count == 1 ? call("CEIL", arguments) : nil },
        "if": { _, arguments in "(" + call("IF", arguments) + ")" },
    ]

    /// The printed call `name(arguments…)`, with `DISTINCT` when asked.
    static func printed(_ name: String, _ arguments: [String], isDistinct: Bool) -> String {
        if !isDistinct, let rule = rules[name.lowercased()], let text = rule(name, arguments) { return text }
        return "\(name)(\(isDistinct ? "DISTINCT " : "")\(arguments.joined(separator: ", ")))"
    }

    private static func call(_ name: String, _ arguments: [String]) -> String {
        "\(name)(\(arguments.joined(separator: ", ")))"
    }
}
