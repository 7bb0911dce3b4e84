import DBAPICore
import SQLText

/// Expression parsing, one function per precedence level. From loosest to tightest binding:
///
///     OR
///     AND
///     NOT
///     = == <=> <> != < <= > >=, IS [NOT] NULL, IS [NOT] DISTINCT FROM, [NOT] IN, [NOT] BETWEEN, [NOT] LIKE/ILIKE (Parser+Like)
///     |
///     ^
///     &
///     + - ||
///     * / % DIV
///     unary - + ~
///     expr::type, expr:json.path
extension Parser {
    mutating func parseExpression() throws(EngineError) -> Expr {
        try nested { (parser: inout Parser) throws(EngineError) -> Expr in try parser.parseOr() }
    }

    private mutating func countOperator() throws(EngineError) {
        operatorCount += 1
        guard operatorCount <= Self.maxOperators else {
            throw EngineError.nestingTooDeep(limit: Self.maxOperators, line: current.line, column: current.column)
        }
    }

    private mutating func parseOr() throws(EngineError) -> Expr {
        var left = try parseAnd()
        while consumeWord(.or) {
            try countOperator()
            left = .binary(.or, left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(EngineError) -> Expr {
        var left = try parseNot()
        while consumeWord(.and) {
            try countOperator()
            left = .binary(.and, left, try parseNot())
        }
        return left
    }

    private mutating func parseNot() throws(EngineError) -> Expr {
        if (current.isWord(.not) && !Self.keywordIsColumn(before: peek(1))) || current.isSymbol("!") {
            advance()
            return try nested { (parser: inout Parser) throws(EngineError) -> Expr in .unary(.not, try parser.parseNot()) }
        }
        return try parsePredicate()
    }

    private static let comparisons: [String: BinaryOperator] = [
        "=": .equal, "==": .equal, "<=>": .nullSafeEqual, "<>": .notEqual, "!=": .notEqual,
        "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func parsePredicate() throws(EngineError) -> Expr {
        var left = try parseBitOr()
        while true {
            if case .symbol(let symbol) = current.kind, let op = Self.comparisons[symbol] {
                advance()
                try countOperator()
                left = .binary(op, left, try parseBitOr())
                continue
            }
            if consumeWord(.is) {
                let negated = consumeWord(.not)
                if consumeWord(.null) {
                    left = .isNull(left, negated: negated)
                } else if case .word(let word) = current.kind, word.uppercased() == "UNKNOWN" {
                    advance()
                    left = try Self.isUnknown(left, negated: negated)
                } else if current.isWord(.true) || current.isWord(.false) {
                    let wantTrue = current.isWord(.true)
                    advance()
                    let test = Expr.binary(.nullSafeEqual, left, .literal(.bool(wantTrue), .boolean))
                    left = negated ? .unary(.not, test) : test
                } else if consumeWord(.distinct) {
                    try expectWord(.from)
                    let test = Expr.binary(.nullSafeEqual, left, try parseBitOr())
                    left = negated ? test : .unary(.not, test)
                } else {
                    throw unexpected("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS")
                }
                continue
            }
            let negated =
                current.isWord(.not)
                && (peek(1).isWord(.in) || peek(1).isWord(.between) || peek(1).isWord(.like) || peek(1).isWord(.ilike)
                    || peek(1).isWord(.rlike) || peek(1).isWord(.regexp))
            if negated { advance() }
            if consumeWord(.in) {
                left = try parseInRest(left, negated: negated)
            } else if consumeWord(.between) {
                let low = try parseBitOr()
                try expectWord(.and)
                left = .between(left, low: low, high: try parseBitOr(), negated: negated)
            } else if current.isWord(.like) || current.isWord(.ilike) {
                let caseInsensitive = current.isWord(.ilike)
                advance()
                left = try parseLikeRest(left, caseInsensitive: caseInsensitive, negated: negated)
            } else if current.isWord(.rlike) || current.isWord(.regexp) {
                advance()
                let test = Expr.function(name: "rlike", arguments: [left, try parseBitOr()], isDistinct: false, isStar: false)
                left = negated ? .unary(.not, test) : test
            } else {
                return left
            }
        }
    }

    private mutating func parseInRest(_ left: Expr, negated: Bool) throws(EngineError) -> Expr {
        try expectSymbol("(")
        if current.isWord(.select) || current.isWord(.with) {
            let query = try parseQuery()
            try expectSymbol(")")
            return .inSubquery(left, query, negated: negated)
        }
        if current.isSymbol(")") {
            throw EngineError.syntax(
                "Invalid SQL syntax: IN predicate requires at least one value. Empty IN clauses like 'IN ()' are not allowed. "
                    + "Consider using 'WHERE FALSE' if you need an always-false condition, or provide at least one value in the IN list",
                line: current.line, column: current.column,
                sql: source, errorClass: "INVALID_SQL_SYNTAX.EMPTY_IN_PREDICATE")
        }
        var items: [Expr] = []
        repeat { items.append(try parseExpression()) } while consumeSymbol(",")
        try expectSymbol(")")
        return .inList(left, items, negated: negated)
    }

    /// Spark's binary arithmetic and bitwise operators, one case per precedence level, loosest first.
    private enum BinaryLevel {
        case bitOr, bitXor, bitAnd, additive, multiplicative

        /// The operator `token` spells at this level, if any.
        func binaryOperator(_ token: Token) -> BinaryOperator? {
            if token.keyword == .div { return self == .multiplicative ? .integerDivide : nil }
            guard case .symbol(let symbol) = token.kind else { return nil }
            switch (self, symbol) {
            case (.bitOr, "|"): return .bitOr
            case (.bitXor, "^"): return .bitXor
            case (.bitAnd, "&"): return .bitAnd
            case (.additive, "+"): return .add
            case (.additive, "-"): return .subtract
            case (.additive, "||"): return .concat
            case (.multiplicative, "*"): return .multiply
            case (.multiplicative, "/"): return .divide
            case (.multiplicative, "%"): return .remainder
            default: return nil
            }
        }
    }

    private mutating func parseBinaryLevel(
        _ level: BinaryLevel, next: (inout Parser) throws(EngineError) -> Expr
    ) throws(EngineError) -> Expr {
        var left = try next(&self)
        while let op = level.binaryOperator(current) {
            advance()
            try countOperator()
            left = .binary(op, left, try next(&self))
        }
        return left
    }

    mutating func parseBitOr() throws(EngineError) -> Expr {
        try parseBinaryLevel(.bitOr) { (parser: inout Parser) throws(EngineError) in try parser.parseBitXor() }
    }

    private mutating func parseBitXor() throws(EngineError) -> Expr {
        try parseBinaryLevel(.bitXor) { (parser: inout Parser) throws(EngineError) in try parser.parseBitAnd() }
    }

    private mutating func parseBitAnd() throws(EngineError) -> Expr {
        try parseBinaryLevel(.bitAnd) { (parser: inout Parser) throws(EngineError) in try parser.parseAdditive() }
    }

    private mutating func parseAdditive() throws(EngineError) -> Expr {
        try parseBinaryLevel(.additive) { (parser: inout Parser) throws(EngineError) in try parser.parseMultiplicative() }
    }

    private mutating func parseMultiplicative() throws(EngineError) -> Expr {
        try parseBinaryLevel(.multiplicative) { (parser: inout Parser) throws(EngineError) in try parser.parseUnary() }
    }

    private mutating func parseUnary() throws(EngineError) -> Expr {
        let op: UnaryOperator?
        if current.isSymbol("-") {
            op = .negate
        } else if current.isSymbol("+") {
            op = .plus
        } else if current.isSymbol("~") {
            op = .bitNot
        } else {
            op = nil
        }
        guard let op else { return try parsePostfix() }
        if op == .negate, case .number(let text) = peek(1).kind {  // `-32768S`, `-1L`: one literal, typed with its sign
            let token = current
            advance()
            advance()
            var operand = try numberLiteral("-" + text, token)
            while consumeSymbol("::") { operand = .cast(operand, try parseType(), isTry: false) }
            return operand
        }
        advance()
        // Any other operand keeps its operator, as Spark's arithmeticUnary does: `-(5)` is `(- 5)`, and
        // `-(-2147483648)` overflows.
        return try nested { (parser: inout Parser) throws(EngineError) -> Expr in .unary(op, try parser.parseUnary()) }
    }

    /// postfix := primary {'::' type | ':' jsonPath | '[' expr ']' | '.' name}
    private mutating func parsePostfix() throws(EngineError) -> Expr {
        var expression = try parsePrimary()
        var depth = nesting
        while true {
            if consumeSymbol("::") {
                expression = .cast(expression, try parseType(), isTry: false)
            } else if consumeSymbol(":") {
                let path = Expr.literal(.string(try parseJSONPath()), .string)
                expression = .function(name: JSONFunctions.pathOperator, arguments: [expression, path], isDistinct: false, isStar: false)
            } else if current.isSymbol("[") {
                advance()
                let index = try nested { (parser: inout Parser) throws(EngineError) in try parser.parseExpression() }
                try expectSymbol("]")
                expression = .subscripted(expression, index)
            } else if current.isSymbol("."), Self.isName(peek(1)) {
                advance()
                expression = .field(expression, try parseAnyName("a field name"))
            } else {
                return expression
            }
            depth += 1  // each suffix is a level of the tree that planning walks recursively
            guard depth < Self.maxNesting else {
                throw EngineError.nestingTooDeep(limit: Self.maxNesting, line: current.line, column: current.column)
            }
        }
    }

    /// Whether `token` can be a field name after `.`.
    /// `x IS [NOT] UNKNOWN`: Spark's analyzer turns it into `x IS [NOT] NULL` (and names it so) once it
    /// resolves the operand, checking BOOLEAN only for an operand it need not resolve: a literal that is not
    /// BOOLEAN fails. (A tree of BOOLEAN literals alone keeps the name `(true IS UNKNOWN)` in Spark; the
    /// mock names it `(true IS NULL)`.)
    private static func isUnknown(_ operand: Expr, negated: Bool) throws(EngineError) -> Expr {
        let test = Expr.isNull(operand, negated: negated)
        if case .literal(let value, let type) = operand, !value.isNull, type != .boolean {
            throw EngineError.unexpectedInputType(test.sqlName, parameter: 0, requires: "\"BOOLEAN\"", input: operand.sqlName, type: type)
        }
        return test
    }

    private static func isName(_ token: Token) -> Bool {
        switch token.kind {
        case .word, .quotedIdentifier: true
        default: false
        }
    }
}
