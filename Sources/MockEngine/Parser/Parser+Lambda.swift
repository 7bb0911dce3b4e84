import SQLText

extension Parser {
    /// argument := lambda | expr
    /// lambda   := name '->' expr | '(' name {',' name} ')' '->' expr
    ///
    /// Only a function argument can be a lambda; whether the function takes one is the planner's business.
    mutating func parseFunctionArgument() throws(EngineError) -> Expr {
        guard startsLambda else { return try parseExpression() }
        var parameters: [String] = []
        if consumeSymbol("(") {
            repeat { parameters.append(try parseIdentifier("a lambda parameter")) } while consumeSymbol(",")
            try expectSymbol(")")
        } else {
            parameters.append(try parseIdentifier("a lambda parameter"))
        }
        try expectSymbol("->")
        return .lambda(parameters: parameters, body: try parseExpression())
    }

    /// Whether a lambda starts here: `name ->` or `(name, …) ->`.
    private var startsLambda: Bool {
        if Self.isIdentifier(current) { return peek(1).isSymbol("->") }
        guard current.isSymbol("(") else { return false }
        var offset = 1
        while Self.isIdentifier(peek(offset)) {
            if peek(offset + 1).isSymbol(")") { return peek(offset + 2).isSymbol("->") }
            guard peek(offset + 1).isSymbol(",") else { return false }
            offset += 2
        }
        return false
    }

    /// Whether `token` can name something: a non-reserved word or a back-quoted name.
    static func isIdentifier(_ token: Token) -> Bool {
        switch token.kind {
        case .word: token.isNameWord
        case .quotedIdentifier: true
        default: false
        }
    }
}
