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
        if case .word(let word) = current.kind, peek(1).isSymbol(")"), current.isNameWord {
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
        if current.isWord(.partition) || current.isWord(.distribute) {
            advance()
            try expectWord(.by)
            repeat { spec.partitionBy.append(try parseExpression()) } while consumeSymbol(",")
        }
        if current.isWord(.order) || current.isWord(.sort) {
            advance()
            try expectWord(.by)
            spec.orderBy = try parseOrderItems()
        }
        if current.isWord(.rows) || current.isWord(.range) {
            let unit: WindowFrame.Unit = current.isWord(.rows) ? .rows : .range
            advance()
            if consumeWord(.between) {
                let start = try parseFrameBound()
                try expectWord(.and)
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
        if consumeWord(.unbounded) {
            if consumeWord(.preceding) { return .unboundedPreceding }
            try expectWord(.following)
            return .unboundedFollowing
        }
        if consumeWord(.current) {
            try expectWord(.row)
            return .currentRow
        }
        let offset = try parseExpression()
        if consumeWord(.preceding) { return .preceding(offset) }
        try expectWord(.following)
        return .following(offset)
    }

    /// windowClause := WINDOW name AS windowRef {',' name AS windowRef}
    mutating func parseWindowClause() throws(EngineError) -> [NamedWindow] {
        var windows: [NamedWindow] = []
        repeat {
            let name = try parseIdentifier("a window name")
            try expectWord(.as)
            windows.append(NamedWindow(name: name, window: try parseWindowReference()))
        } while consumeSymbol(",")
        return windows
    }
}
