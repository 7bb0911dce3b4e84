import DBAPICore

/// Parses a mapping expression. Grammar (Python's, without lambdas, walrus, starred or await):
///
///     expr        := disjunction ['if' disjunction 'else' expr]
///     disjunction := conjunction {'or' conjunction}
///     conjunction := inversion {'and' inversion}
///     inversion   := 'not' inversion | comparison
///     comparison  := sum {('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' | 'is' ['not']) sum}
///     sum         := term {('+' | '-') term}
///     term        := factor {('*' | '/' | '//' | '%') factor}
///     factor      := ('-' | '+') factor | power
///     power       := primary ['**' factor]
///     primary     := atom {'.' NAME | '(' arguments ')' | '[' subscript ']'}
///     atom        := NAME | NUMBER | STRING+ | 'None' | 'True' | 'False' | '(' expr ')'
///                  | '[' [expr (comprehension | {',' expr})] ']' | '{' [pair (comprehension | {',' pair})] '}'
///     comprehension := {'for' NAME {',' NAME} 'in' disjunction {'if' disjunction}}
struct MappingParser {
    static let maxDepth = 64
    static let maxLength = 10_000

    private var tokens: [MappingToken]
    private var position = 0
    private var depth = 0

    static func parse(_ text: String) throws(MappingError) -> MappingExpr {
        guard text.unicodeScalars.count <= maxLength else { throw .tooLong(limit: maxLength) }
        var parser = MappingParser(tokens: try MappingLexer.tokenize(text))
        let expr = try parser.parseExpression()
        guard parser.current.kind == .end else { throw parser.unexpected("end of expression") }
        return expr
    }

    private init(tokens: [MappingToken]) { self.tokens = tokens }

    private var current: MappingToken { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() { position = min(position + 1, tokens.count - 1) }

    private func isOp(_ symbol: String) -> Bool { current.kind == .op(symbol) }

    private func isName(_ word: String) -> Bool { current.kind == .name(word) }

    private mutating func consumeOp(_ symbol: String) -> Bool {
        guard isOp(symbol) else { return false }
        advance()
        return true
    }

    private mutating func consumeName(_ word: String) -> Bool {
        guard isName(word) else { return false }
        advance()
        return true
    }

    private mutating func expectOp(_ symbol: String) throws(MappingError) {
        guard consumeOp(symbol) else { throw unexpected("'\(symbol)'") }
    }

    private func unexpected(_ expected: String) -> MappingError {
        let found: String
        switch current.kind {
        case .end: found = "end of expression"
        case .name(let name): found = "'\(name)'"
        case .int(let number): found = "\(number)"
        case .number(let text): found = text
        case .string(let text): found = "'\(excerpt(text, limit: 20))'"
        case .op(let symbol): found = "'\(symbol)'"
        }
        return .syntax("expected \(expected), found \(found)", column: current.column)
    }

    /// Counts one more operator of a left-nested chain (`a + b + c`, `x[0][1]`): each nests the
    /// tree one level, so a chain is bounded like explicit nesting (`MappingExpression` checks the
    /// whole tree's depth once it is built).
    private func chain(_ links: inout Int) throws(MappingError) {
        links += 1
        guard links <= Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
    }

    private static let keywords: Set<String> = ["and", "or", "not", "in", "is", "if", "else", "for", "lambda", "None", "True", "False"]

    private mutating func parseExpression() throws(MappingError) -> MappingExpr {
        guard depth < Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
        depth += 1
        defer { depth -= 1 }
        let value = try parseDisjunction()
        guard consumeName("if") else { return value }
        let condition = try parseDisjunction()
        guard consumeName("else") else { throw unexpected("'else'") }
        return .conditional(value, condition: condition, otherwise: try parseExpression())
    }

    private mutating func parseDisjunction() throws(MappingError) -> MappingExpr {
        var left = try parseConjunction()
        var links = 0
        while consumeName("or") {
            try chain(&links)
            left = .or(left, try parseConjunction())
        }
        return left
    }

    private mutating func parseConjunction() throws(MappingError) -> MappingExpr {
        var left = try parseInversion()
        var links = 0
        while consumeName("and") {
            try chain(&links)
            left = .and(left, try parseInversion())
        }
        return left
    }

    private mutating func parseInversion() throws(MappingError) -> MappingExpr {
        guard consumeName("not") else { return try parseComparison() }
        guard depth < Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
        depth += 1
        defer { depth -= 1 }
        return .not(try parseInversion())
    }

    private mutating func parseComparison() throws(MappingError) -> MappingExpr {
        var operands = [try parseSum()]
        var operators: [MappingComparison] = []
        while true {
            if case .op(let symbol) = current.kind, let comparison = MappingComparison(rawValue: symbol), symbol.first != "i" {
                advance()
                operators.append(comparison)
            } else if consumeName("in") {
                operators.append(.isIn)
            } else if isName("not"), position + 1 < tokens.count, tokens[position + 1].kind == .name("in") {
                advance()
                advance()
                operators.append(.isNotIn)
            } else if consumeName("is") {
                operators.append(consumeName("not") ? .isNotIdentical : .isIdentical)
            } else {
                break
            }
            operands.append(try parseSum())
        }
        return operators.isEmpty ? operands[0] : .compare(operands, operators)
    }

    private mutating func parseSum() throws(MappingError) -> MappingExpr {
        var left = try parseTerm()
        var links = 0
        while case .op(let symbol) = current.kind, let op = MappingArithmetic(rawValue: symbol), op == .add || op == .subtract {
            try chain(&links)
            advance()
            left = .binary(op, left, try parseTerm())
        }
        return left
    }

    private mutating func parseTerm() throws(MappingError) -> MappingExpr {
        var left = try parseFactor()
        var links = 0
        while case .op(let symbol) = current.kind, let op = MappingArithmetic(rawValue: symbol),
            [.multiply, .divide, .floorDivide, .modulo].contains(op)
        {
            try chain(&links)
            advance()
            left = .binary(op, left, try parseFactor())
        }
        return left
    }

    private mutating func parseFactor() throws(MappingError) -> MappingExpr {
        if case .op(let symbol) = current.kind, let sign = MappingSign(rawValue: symbol) {
            advance()
            guard depth < Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
            depth += 1
            defer { depth -= 1 }
            return .unary(sign, try parseFactor())
        }
        let base = try parsePrimary()
        guard consumeOp("**") else { return base }
        return .binary(.power, base, try parseFactor())
    }

    private mutating func parsePrimary() throws(MappingError) -> MappingExpr {
        var expr = try parseAtom()
        var links = 0
        while true {
            if isOp(".") || isOp("(") || isOp("[") { try chain(&links) }
            if consumeOp(".") {
                guard case .name(let name) = current.kind else { throw unexpected("an attribute name") }
                advance()
                expr = .attribute(expr, name)
            } else if consumeOp("(") {
                var arguments: [MappingExpr] = []
                var keywords: [(String, MappingExpr)] = []
                while !isOp(")") {
                    if case .name(let name) = current.kind, tokens[min(position + 1, tokens.count - 1)].kind == .op("=") {
                        advance()
                        advance()
                        keywords.append((name, try parseExpression()))
                    } else {
                        arguments.append(try parseExpression())
                    }
                    guard consumeOp(",") else { break }
                }
                try expectOp(")")
                expr = .call(expr, arguments: arguments, keywords: keywords)
            } else if consumeOp("[") {
                let lower = isOp(":") ? nil : try parseExpression()
                if consumeOp(":") {
                    let upper = isOp("]") ? nil : try parseExpression()
                    try expectOp("]")
                    expr = .slice(expr, lower: lower, upper: upper)
                } else {
                    try expectOp("]")
                    guard let lower else { throw unexpected("a subscript") }
                    expr = .subscriptItem(expr, lower)
                }
            } else {
                return expr
            }
        }
    }

    private mutating func parseAtom() throws(MappingError) -> MappingExpr {
        let token = current
        switch token.kind {
        case .int(let number):
            advance()
            return .literal(.int(number))
        case .number(let text):
            advance()
            return .literal(.float(Double(text) ?? 0))
        case .string(let text):
            advance()
            var value = text
            while case .string(let next) = current.kind {
                value += next
                advance()
            }
            return .literal(.string(value))
        case .name("None"):
            advance()
            return .literal(.none)
        case .name("True"), .name("False"):
            advance()
            return .literal(.bool(token.kind == .name("True")))
        case .name(let name):
            guard !Self.keywords.contains(name) else { throw unexpected("an expression") }
            advance()
            return .name(name)
        case .op("("):
            advance()
            let inner = try parseExpression()
            try expectOp(")")
            return inner
        case .op("["):
            advance()
            if consumeOp("]") { return .list([]) }
            let first = try parseExpression()
            if isName("for") {
                let clauses = try parseComprehension()
                try expectOp("]")
                return .comprehension(element: first, key: nil, clauses: clauses)
            }
            var items = [first]
            while consumeOp(","), !isOp("]") { items.append(try parseExpression()) }
            try expectOp("]")
            return .list(items)
        case .op("{"):
            advance()
            if consumeOp("}") { return .dict([]) }
            let key = try parseExpression()
            try expectOp(":")
            let value = try parseExpression()
            if isName("for") {
                let clauses = try parseComprehension()
                try expectOp("}")
                return .comprehension(element: value, key: key, clauses: clauses)
            }
            var pairs = [(key, value)]
            while consumeOp(","), !isOp("}") {
                let nextKey = try parseExpression()
                try expectOp(":")
                pairs.append((nextKey, try parseExpression()))
            }
            try expectOp("}")
            return .dict(pairs)
        default:
            throw unexpected("an expression")
        }
    }

    private mutating func parseComprehension() throws(MappingError) -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while consumeName("for") {
            var targets: [String] = []
            repeat {
                guard case .name(let name) = current.kind, !Self.keywords.contains(name) else { throw unexpected("a loop variable") }
                targets.append(name)
                advance()
            } while consumeOp(",")
            guard consumeName("in") else { throw unexpected("'in'") }
            let source = try parseDisjunction()
            var conditions: [MappingExpr] = []
            while consumeName("if") { conditions.append(try parseDisjunction()) }
            clauses.append(ComprehensionClause(targets: targets, source: source, conditions: conditions))
        }
        return clauses
    }
}
