extension Parser {
    /// Spark SQL the mock engine does not implement, recognised where the parser stops: such a statement is
    /// valid Spark, so it fails as UNSUPPORTED_FEATURE rather than as a syntax error. The clause's first word
    /// may already have been taken as a table alias (`FROM t SORT BY x`), so the token before counts too.
    func unsupportedConstruct() -> String? {
        let previous = position > 0 ? tokens[position - 1] : current
        for (first, second) in [(previous, current), (current, peek(1))] {
            if first.isWord("LATERAL"), second.isWord("VIEW") { return "LATERAL VIEW" }
            if first.isWord("TABLESAMPLE"), second.isSymbol("(") { return "TABLESAMPLE" }
            for clause in ["CLUSTER", "DISTRIBUTE", "SORT"] where first.isWord(clause) && second.isWord("BY") {
                return "\(clause) BY"
            }
        }
        if current.isWord("USING") || current.isWord("ROW"), followsTransformCall { return "the TRANSFORM clause" }
        return nil
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
                if depth == 0 { return index > 0 && tokens[index - 1].isWord("TRANSFORM") }
            }
            index -= 1
        }
        return false
    }
}
