/// The mapping language's operators, as closed sets: the parser makes them from tokens, and every
/// switch over them is exhaustive.

/// Unary `+` and `-`.
enum MappingSign: String, Sendable, CaseIterable {
    case plus = "+"
    case minus = "-"
}

/// The arithmetic operators, by precedence: `+ -`, then `* / // %`, then `**`.
enum MappingArithmetic: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
}

/// The comparison operators, which chain (`a < b <= c`).
enum MappingComparison: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case isIn = "in"
    case isNotIn = "not in"
    case isIdentical = "is"
    case isNotIdentical = "is not"
}
