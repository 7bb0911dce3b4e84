/// A table-valued function call in FROM: `range(1, 10, 2)`, `posexplode(xs) AS t(p, v)`.
struct TableFunctionCall: Sendable, Equatable {
    /// The function name, lower case.
    var name: String
    var arguments: [Expr]
    var alias: String?
    /// `AS t(a, b)`: names for the function's columns.
    var columnNames: [String]?
}

/// `LATERAL VIEW [OUTER] generator(arguments) [table] [AS column, …]`: each row of the source joined with
/// the rows the generator makes of it (with OUTER, a row of NULLs when it makes none).
struct LateralView: Sendable, Equatable {
    var isOuter: Bool
    /// The generator's name, lower case.
    var name: String
    var arguments: [Expr]
    /// The qualifier of the generated columns.
    var tableAlias: String?
    /// Names for the generated columns; empty for the generator's own (`col`, `pos`, …).
    var columnAliases: [String]
}
