import DBAPICore
import SQLText

/// LIKE and ILIKE after their operand:
///
///     likeRest := (ANY | SOME | ALL) '(' expr {',' expr} ')'
///               | bitOr [ESCAPE string]
///
/// As in Spark's grammar, `ANY (…)` is a quantifier only when nothing that extends a value follows
/// its `)`: in `x LIKE ANY ('a', 'b') = true` or `x LIKE ANY ('a') ESCAPE '!'` it is a call of the
/// `any` aggregate, and the parser backs up to read it so.
extension Parser {
    mutating func parseLikeRest(_ operand: Expr, caseInsensitive: Bool, negated: Bool) throws(EngineError) -> Expr {
        if current.isWord(.any) || current.isWord(.some) || current.isWord(.all), peek(1).isSymbol("(") {
            let start = position
            let isAll = current.isWord(.all)
            advance()
            advance()
            if current.isSymbol(")") {
                throw EngineError.syntax(
                    "Invalid SQL syntax: Expected something between '(' and ')'", line: current.line, column: current.column, sql: source,
                    errorClass: "INVALID_SQL_SYNTAX.EMPTY_QUANTIFIED_PATTERN")
            }
            var patterns: [Expr] = []
            repeat { patterns.append(try parseExpression()) } while consumeSymbol(",")
            try expectSymbol(")")
            if !extendsValue {
                return Self.quantifiedLike(operand, patterns, isAll: isAll, caseInsensitive: caseInsensitive, negated: negated)
            }
            position = start
        }
        let pattern = try parseBitOr()
        var escape: Character = "\\"
        if consumeWord(.escape) {
            guard case .string(let text) = current.kind else { throw unexpected("a string after ESCAPE") }
            guard text.count == 1, let character = text.first else {
                throw EngineError.analysis(
                    "INVALID_ESC", "Found an invalid escape string: '\(text)'. The escape string must contain only one character.")
            }
            advance()
            escape = character
        }
        return .like(operand, pattern: pattern, caseInsensitive: caseInsensitive, negated: negated, escape: escape)
    }

    /// Whether the current token continues a value expression (an operator, a cast, ESCAPE).
    private var extendsValue: Bool {
        if current.isWord(.div) || current.isWord(.escape) { return true }
        guard case .symbol(let symbol) = current.kind else { return false }
        return ["=", "==", "<=>", "<>", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "||", "&", "|", "^", "::", "[", "."]
            .contains(symbol)
    }

    /// Spark's reading of a quantified LIKE: over string literals, one `likeany`-style test (ILIKE
    /// lower-cases both sides); over anything else, the OR (ANY) or AND (ALL) of one LIKE per pattern.
    private static func quantifiedLike(_ operand: Expr, _ patterns: [Expr], isAll: Bool, caseInsensitive: Bool, negated: Bool) -> Expr {
        let literals = patterns.compactMap { pattern -> String? in
            if case .literal(.string(let text), _) = pattern { return text }
            return nil
        }
        if literals.count == patterns.count {
            return .quantifiedLike(
                caseInsensitive ? .function(name: "lower", arguments: [operand], isDistinct: false, isStar: false) : operand,
                patterns: caseInsensitive ? literals.map { $0.lowercased() } : literals, isAll: isAll, negated: negated)
        }
        let tests = patterns.map { pattern in
            Expr.like(operand, pattern: pattern, caseInsensitive: caseInsensitive, negated: negated, escape: "\\")
        }
        return tests.dropFirst().reduce(tests[0]) { .binary(isAll ? .and : .or, $0, $1) }
    }
}
