import DBAPICore
import SQLText

extension Parser {
    /// The most grouping sets one GROUP BY may expand to (CUBE of 12 expressions).
    static let maxGroupingSets = 4_096

    /// groupBy := ALL | groupItem {',' groupItem} [WITH (ROLLUP | CUBE)]
    /// groupItem := ROLLUP '(' exprs ')' | CUBE '(' exprs ')' | GROUPING SETS '(' set {',' set} ')' | expr
    /// set := '(' [expr {',' expr}] ')' | expr
    ///
    /// Several items combine as a cross product of their sets; a plain expression is in every set.
    mutating func parseGroupBy(into select: inout Select) throws(EngineError) {
        if consumeWord(.all) {
            select.groupByAll = true
            return
        }
        var expressions: [Expr] = []
        func index(_ expr: Expr) -> Int {
            if let existing = expressions.firstIndex(of: expr) { return existing }
            expressions.append(expr)
            return expressions.count - 1
        }
        var items: [[[Int]]] = []
        var hasSets = false
        repeat {
            if (current.isWord(.rollup) || current.isWord(.cube)) && peek(1).isSymbol("(") {
                let isCube = current.isWord(.cube)
                advance()
                let columns = try parseParenthesizedExpressions().map(index)
                items.append(try isCube ? Self.cube(columns) : Self.rollup(columns))
                hasSets = true
            } else if current.isWord(.grouping) && peek(1).isWord(.sets) {
                advance()
                advance()
                try expectSymbol("(")
                var sets: [[Int]] = []
                repeat {
                    if current.isSymbol("(") {
                        sets.append(try parseParenthesizedExpressions(allowEmpty: true).map(index))
                    } else {
                        sets.append([index(try parseExpression())])
                    }
                } while consumeSymbol(",")
                try expectSymbol(")")
                items.append(sets)
                hasSets = true
            } else {
                items.append([[index(try parseExpression())]])
            }
        } while consumeSymbol(",")
        if consumeWord(.with) {
            let isCube = consumeWord(.cube)
            if !isCube { try expectWord(.rollup) }
            let all = Array(expressions.indices)
            items = [try isCube ? Self.cube(all) : Self.rollup(all)]
            hasSets = true
        }
        select.groupBy = expressions
        guard hasSets else { return }
        var sets: [[Int]] = [[]]
        for alternatives in items {
            guard sets.count * alternatives.count <= Self.maxGroupingSets else { throw tooManySets() }
            sets = sets.flatMap { set in alternatives.map { set + $0.filter { !set.contains($0) } } }
        }
        select.groupingSets = sets
    }

    private mutating func parseParenthesizedExpressions(allowEmpty: Bool = false) throws(EngineError) -> [Expr] {
        try expectSymbol("(")
        var expressions: [Expr] = []
        if allowEmpty, consumeSymbol(")") { return expressions }
        repeat { expressions.append(try parseExpression()) } while consumeSymbol(",")
        try expectSymbol(")")
        return expressions
    }

    /// ROLLUP(a, b): (a, b), (a), ().
    private static func rollup(_ columns: [Int]) throws(EngineError) -> [[Int]] {
        (0...columns.count).reversed().map { Array(columns.prefix($0)) }
    }

    /// CUBE(a, b): every subset, (a, b) first and () last.
    private static func cube(_ columns: [Int]) throws(EngineError) -> [[Int]] {
        guard columns.count <= 12 else { throw EngineError.unsupported("CUBE of more than 12 expressions") }
        let count = 1 << columns.count
        return (0..<count).reversed().map { mask in
            columns.enumerated().filter { mask & (1 << (columns.count - 1 - $0.offset)) != 0 }.map(\.element)
        }
    }

    private func tooManySets() -> EngineError {
        .unsupported("GROUP BY with more than \(Self.maxGroupingSets) grouping sets")
    }
}
