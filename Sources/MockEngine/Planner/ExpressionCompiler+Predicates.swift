import DBAPICore

extension ExpressionCompiler {
    func compileInList(_ operand: Expr, _ items: [Expr], negated: Bool, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let value = try compile(operand)
        let compiledItems = try items.map { (item) throws(EngineError) in try compile(item) }
        var type = value.type
        for item in compiledItems {
            guard let common = TypeCoercion.comparison(type, item.type) else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "cannot compare \(value.type) with \(item.type) in IN")
            }
            type = common
        }
        let needle = Self.coerce(value, to: type).evaluate
        let coerced = compiledItems.map { Self.coerce($0, to: type) }
        if coerced.allSatisfy({ $0.constant != nil }) {
            let constants = coerced.compactMap(\.constant)
            let hasNull = constants.contains { $0.isNull }
            let set = Set(constants.filter { !$0.isNull })
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                let probe = try needle(row, context)
                if probe.isNull { return .null }
                if set.contains(probe) { return .bool(!negated) }
                return hasNull ? .null : .bool(negated)
            }
        }
        let evaluators = coerced.map(\.evaluate)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let probe = try needle(row, context)
            if probe.isNull { return .null }
            var sawNull = false
            for evaluate in evaluators {
                let candidate = try evaluate(row, context)
                if candidate.isNull {
                    sawNull = true
                } else if ValueOrder.compare(candidate, probe) == 0 {
                    return .bool(!negated)
                }
            }
            return sawNull ? .null : .bool(negated)
        }
    }

    /// Plans `query` as a subquery of this scope, named `name` in the plan's description; the
    /// evaluator runs it once if it is uncorrelated, or once per outer row if it reads outer
    /// columns, and stops it after `rowsNeeded` rows (EXISTS needs one, a scalar subquery two to
    /// tell that it has too many).
    private func planSubquery(_ query: Query, name: String, rowsNeeded: Int? = nil) throws(EngineError) -> (
        relation: PlannedRelation, run: @Sendable (Row, ExecutionContext) throws(EngineError) -> [Row]
    ) {
        let before = scope.outerReadsInChain
        let position = planner.reserveSubquery()
        let relation = try planner.planQuery(query, outer: scope)
        let isCorrelated = scope.outerReadsInChain != before
        let plan = relation.plan
        planner.recordSubquery(SubqueryPlan(name: name, isCorrelated: isCorrelated, plan: plan), at: position)
        if isCorrelated {
            return (
                relation,
                { row, context throws(EngineError) in
                    try context.withOuterRow(row) { () throws(EngineError) in
                        try Executor.rows(plan, context, atMost: rowsNeeded)
                    }
                }
            )
        }
        let id = planner.nextID()
        return (
            relation,
            { _, context throws(EngineError) in
                try context.cached(id) { () throws(EngineError) in try Executor.rows(plan, context, atMost: rowsNeeded) }
            }
        )
    }

    func compileInSubquery(_ operand: Expr, _ query: Query, negated: Bool, _ expr: Expr) throws(EngineError) -> CompiledExpr {
        let value = try compile(operand)
        let (relation, run) = try planSubquery(query, name: "listquery()")
        guard relation.columns.count == 1 else {
            throw EngineError.typeMismatch(
                expression: expr.sqlName, message: "the IN subquery must return one column, it returns \(relation.columns.count)")
        }
        let columnType = relation.columns[0].type
        guard let type = TypeCoercion.comparison(value.type, columnType) else {
            throw EngineError.typeMismatch(expression: expr.sqlName, message: "cannot compare \(value.type) with \(columnType) in IN")
        }
        let needle = Self.coerce(value, to: type).evaluate
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            let probe = try needle(row, context)
            if probe.isNull { return .null }
            var sawNull = false
            for candidateRow in try run(row, context) {
                let candidate = try Cast.value(candidateRow[0], from: columnType, to: type)
                if candidate.isNull {
                    sawNull = true
                } else if ValueOrder.compare(candidate, probe) == 0 {
                    return .bool(!negated)
                }
            }
            return sawNull ? .null : .bool(negated)
        }
    }

    func compileExists(_ query: Query, negated: Bool) throws(EngineError) -> CompiledExpr {
        let (_, run) = try planSubquery(query, name: "exists()", rowsNeeded: 1)
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            .bool(try run(row, context).isEmpty == negated)
        }
    }

    func compileScalarSubquery(_ query: Query) throws(EngineError) -> CompiledExpr {
        let (relation, run) = try planSubquery(query, name: "scalarsubquery()", rowsNeeded: 2)
        guard relation.columns.count == 1 else {
            throw EngineError.typeMismatch(
                expression: "scalarsubquery()", message: "a scalar subquery must return one column, it returns \(relation.columns.count)")
        }
        return CompiledExpr(type: relation.columns[0].type) { row, context throws(EngineError) in
            let rows = try run(row, context)
            guard rows.count <= 1 else { throw EngineError.subqueryReturnedMoreThanOneRow }
            return rows.first?.first ?? .null
        }
    }

    func compileLike(
        _ operand: Expr, _ pattern: Expr, caseInsensitive: Bool, negated: Bool, _ expr: Expr
    ) throws(EngineError) -> CompiledExpr {
        let name = caseInsensitive ? "ilike" : "like"
        let text = try ScalarCall.implicitCast(try compile(operand), to: .string, name, expr)
        let compiledPattern = try compile(pattern)
        let patternEvaluator = try ScalarCall.implicitCast(compiledPattern, to: .string, name, expr)
        if case .string(let constant)? = compiledPattern.constant {
            let matcher = LikePattern(caseInsensitive ? constant.lowercased() : constant)
            return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
                guard case .string(let value) = try text(row, context) else { return .null }
                return .bool(matcher.matches(caseInsensitive ? value.lowercased() : value) != negated)
            }
        }
        return CompiledExpr(type: .boolean) { row, context throws(EngineError) in
            guard case .string(let value) = try text(row, context), case .string(let pattern) = try patternEvaluator(row, context) else {
                return .null
            }
            let matcher = LikePattern(caseInsensitive ? pattern.lowercased() : pattern)
            return .bool(matcher.matches(caseInsensitive ? value.lowercased() : value) != negated)
        }
    }
}

/// A LIKE pattern: `%` matches any run of characters, `_` exactly one code point, `\` escapes.
struct LikePattern: Sendable {
    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case anyOne
        case anyRun
    }

    let pieces: [Piece]

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var escaping = false
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal.removeAll()
        }
        for scalar in pattern.unicodeScalars {
            if escaping {
                literal.append(contentsOf: Array(String(scalar).utf8))
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else if scalar == "%" {
                flush()
                if pieces.last != .anyRun { pieces.append(.anyRun) }
            } else if scalar == "_" {
                flush()
                pieces.append(.anyOne)
            } else {
                literal.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        if escaping { literal.append(UInt8(ascii: "\\")) }
        flush()
        self.pieces = pieces
    }

    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return match(bytes, 0, 0)
    }

    /// Iterative matching with backtracking to the most recent `%`.
    private func match(_ bytes: [UInt8], _ start: Int, _ first: Int) -> Bool {
        var position = start
        var piece = first
        var backtrack: (piece: Int, position: Int)?
        while true {
            if piece == pieces.count {
                if position == bytes.count { return true }
            } else {
                switch pieces[piece] {
                case .anyRun:
                    backtrack = (piece, position)
                    piece += 1
                    continue
                case .anyOne:
                    if position < bytes.count {
                        position += Self.scalarLength(bytes[position])
                        piece += 1
                        continue
                    }
                case .literal(let literal):
                    if position + literal.count <= bytes.count, bytes[position..<position + literal.count].elementsEqual(literal) {
                        position += literal.count
                        piece += 1
                        continue
                    }
                }
            }
            guard let (runPiece, runPosition) = backtrack, runPosition < bytes.count else { return false }
            let next = runPosition + Self.scalarLength(bytes[runPosition])
            backtrack = (runPiece, next)
            piece = runPiece + 1
            position = next
        }
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
