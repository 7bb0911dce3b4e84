import DBAPICore

/// A parsed response-mapping expression: a closed subset of Python's expression grammar.
indirect enum MappingExpr: Sendable {
    case literal(MappingValue)
    case name(String)
    case list([MappingExpr])
    case dict([(MappingExpr, MappingExpr)])
    case subscriptItem(MappingExpr, MappingExpr)
    case slice(MappingExpr, lower: MappingExpr?, upper: MappingExpr?)
    case attribute(MappingExpr, String)
    case call(MappingExpr, arguments: [MappingExpr], keywords: [(String, MappingExpr)])
    case unary(MappingSign, MappingExpr)
    case binary(MappingArithmetic, MappingExpr, MappingExpr)
    /// `a < b <= c`: operands and the operators between them.
    case compare([MappingExpr], [MappingComparison])
    case and(MappingExpr, MappingExpr)
    case or(MappingExpr, MappingExpr)
    case not(MappingExpr)
    case conditional(MappingExpr, condition: MappingExpr, otherwise: MappingExpr)
    /// `[element for a, b in source if cond …]`, and the dict form with a key.
    case comprehension(element: MappingExpr, key: MappingExpr?, clauses: [ComprehensionClause])
}

struct ComprehensionClause: Sendable {
    var targets: [String]
    var source: MappingExpr
    var conditions: [MappingExpr]
}

/// Errors raised while parsing or evaluating a mapping expression.
public enum MappingError: ReportableError, Equatable {
    case syntax(String, column: Int)
    case tooDeep(limit: Int)
    case tooLong(limit: Int)
    case unknownName(String)
    case unknownFunction(String)
    case unknownMethod(String, typeName: String)
    case keyNotFound(String)
    case indexOutOfRange(Int, count: Int)
    case typeError(String)
    case valueError(String)
    case tooLarge(limit: Int)
    case tooManyBytes(limit: Int)
    case tooManySteps(limit: Int)
    case resultTooLarge(values: Int, bytes: Int)
    case divisionByZero

    public var code: ErrorCode { .configuration }

    public var description: String {
        switch self {
        case let .syntax(message, column): "syntax error at column \(column): \(message)"
        case .tooDeep(let limit): "expression nested deeper than \(limit) levels"
        case .tooLong(let limit): "expression longer than \(limit) characters"
        case .unknownName(let name): "unknown name '\(name)' (only results and params are defined)"
        case .unknownFunction(let name): "unknown function '\(name)'"
        case let .unknownMethod(name, typeName): "'\(typeName)' has no method '\(name)'"
        case .keyNotFound(let key): "KeyError: \(key)"
        case let .indexOutOfRange(index, count): "IndexError: index \(index) out of range for a list of \(count)"
        case .typeError(let message): "TypeError: \(message)"
        case .valueError(let message): "ValueError: \(message)"
        case .tooLarge(let limit): "expression built more than \(limit) list and dict items"
        case .tooManyBytes(let limit): "expression built more than \(limit) bytes of text"
        case .tooManySteps(let limit): "expression took more than \(limit) evaluation steps"
        case let .resultTooLarge(values, bytes):
            "the mapped data would hold more than \(values) values or \(bytes) bytes of text once written out"
        case .divisionByZero: "ZeroDivisionError: division by zero"
        }
    }
}
