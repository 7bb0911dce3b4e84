import DBAPICore
import SQLText

/// Window syntax:
///
///     callModifiers := … [(IGNORE | RESPECT) NULLS] [OVER windowRef]   (Parser+Primary)
///     windowRef    := name | '(' name ')' | '(' windowSpec ')'
///     windowSpec   := [(PARTITION | DISTRIBUTE) BY expr {',' expr}] [(ORDER | SORT) BY orderItem {',' orderItem}] [frame]
///     frame        := (ROWS | RANGE) (bound | BETWEEN bound AND bound)
///     bound        := UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | expr (PRECEDING | FOLLOWING)
///     windowClause := WINDOW name AS windowRef {',' name AS windowRef}
extension Parser {
    /// windowRef := name | '(' name ')' | '(' windowSpec ')'
    mutating func parseWindowReference() throws(EngineError) -> WindowReference {
        guard consumeSymbol("(") else { return .named(try parseIdentifier("a window name or '('")) }
        if case .word(let word) = current.kind, peek(1).isSymbol(")"), !Keywords.reserved.contains(word.uppercased()) {
            advance()
            advance()
            return .named(word)
        }
        if case .quotedIdentifier(let word) = current.kind, peek(1).isSymbol(")") {
            advance()
            advance()
            return .named(word)
        }
        var spec = WindowSpec()
        if current.isWord("PARTITION") || current.isWord("DISTRIBUTE") {
            advance()
            try expectWord("BY")
            repeat { spec.partitionBy.append(try parseExpression()) } while consumeSymbol(",")
        }
        if current.isWord("ORDER") || current.isWord("SORT") {
            advance()
            try expectWord("BY")
            spec.orderBy = try parseOrderItems()
        }
        if current.isWord("ROWS") || current.isWord("RANGE") {
            let unit: WindowFrame.Unit = current.isWord("ROWS") ? .rows : .range
            advance()
            if consumeWord("BETWEEN") {
                let start = try parseFrameBound()
                try expectWord("AND")
                spec.frame = WindowFrame(unit: unit, start: start, end: try parseFrameBound())
            } else {
                spec.frame = WindowFrame(unit: unit, start: try parseFrameBound(), end: .currentRow)
            }
        }
        try expectSymbol(")")
        return .inline(spec)
    }

    /// bound := UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | expr (PRECEDING | FOLLOWING)
    private mutating func parseFrameBound() throws(EngineError) -> FrameBound {
        if consumeWord("UNBOUNDED") {
            if consumeWord("PRECEDING") { return .unboundedPreceding }
            try expectWord("FOLLOWING")
            return .unboundedFollowing
        }
        if consumeWord("CURRENT") {
            try expectWord("ROW")
            return .currentRow
        }
        let offset = try parseExpression()
        if consumeWord("PRECEDING") { return .preceding(offset) }
        try expectWord("FOLLOWING")
        return .following(offset)
    }

    /// windowClause := WINDOW name AS windowRef {',' name AS windowRef}
    mutating func parseWindowClause() throws(EngineError) -> [NamedWindow] {
        var windows: [NamedWindow] = []
        repeat {
            let name = try parseIdentifier("a window name")
            try expectWord("AS")
            windows.append(NamedWindow(name: name, window: try parseWindowReference()))
        } while consumeSymbol(",")
        return windows
    }
}
