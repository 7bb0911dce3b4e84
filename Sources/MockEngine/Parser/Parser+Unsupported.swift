import SQLText

extension Parser {
    /// Spark SQL the mock engine does not implement, recognised where the parser stops: such a statement is
    /// valid Spark, so it fails as UNSUPPORTED_FEATURE rather than as a syntax error. A clause's first word
    /// may already have been taken as a table alias (`FROM t SORT BY x`), so the token before counts too.
    func unsupportedConstruct() -> String? {
        let previous = position > 0 ? tokens[position - 1] : current
        for (first, second) in [(previous, current), (current, peek(1))] {
            if let construct = Self.clause(first, second) { return construct }
        }
        if current.isWord(.using) || current.isWord(.row), followsTransformCall { return "the TRANSFORM clause" }
        if current.isSymbol("|"), peek(1).isSymbol(">") { return "SQL pipe syntax (`|>`)" }
        return nil
    }

    /// A two-word clause Spark accepts and the mock does not.
    private static func clause(_ first: Token, _ second: Token) -> String? {
        if first.isWord(.tablesample), second.isSymbol("(") { return "TABLESAMPLE" }
        if first.isWord(.timestamp) || first.isWord(.version), second.isWord(.as) { return "time travel (`AS OF`)" }
        if case .word(let word) = first.kind, word.uppercased() == "RECURSIVE", isName(second) {
            return "recursive common table expressions (`WITH RECURSIVE`)"
        }
        for clause in [Keyword.cluster, .distribute, .sort] where first.isWord(clause) && second.isWord(.by) {
            return "\(clause.rawValue) BY"
        }
        return nil
    }

    private static func isName(_ token: Token) -> Bool {
        if case .quotedIdentifier = token.kind { return true }
        return token.isNameWord
    }

    /// Whether the current token follows `TRANSFORM ( … )` (a script transform, `SELECT TRANSFORM(a) USING 'cat'`).
    private var followsTransformCall: Bool {
        guard position > 0, tokens[position - 1].isSymbol(")") else { return false }
        var depth = 0
        var index = position - 1
        while index >= 0 {
            if tokens[index].isSymbol(")") { depth += 1 }
            if tokens[index].isSymbol("(") {
                depth -= 1
                if depth == 0 { return index > 0 && tokens[index - 1].isWord(.transform) }
            }
            index -= 1
        }
        return false
    }
}
