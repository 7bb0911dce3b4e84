import DBAPICore

/// How a plan prints itself, for `SQLEngine.explain` and golden scripts' `[plan]` blocks: one line
/// per node, its inputs below it indented by two more spaces (a join's and a set operation's left
/// input first), each expression by the name Spark generates for it (`Expr.sqlName`).
///
///     Sort [total DESC NULLS LAST]
///       Project [region, sum(amount) AS total]
///         Aggregate keys [region] functions [sum(amount)]
///           Filter (day > 1)
///             Scan main.default.sales [id, region, rep, day, amount, price, fee]
///
/// The text is built from names the planner stored beside the compiled closures; execution never
/// reads them.
extension Plan: CustomStringConvertible {
    var description: String { description(subqueries: []) }

    /// The plan, then each subquery planned inside its expressions, outermost first: a line
    /// `Subquery N name` (with `correlated` when it runs once per outer row) above its plan.
    func description(subqueries: [SubqueryPlan]) -> String {
        var lines = Self.lines(self, depth: 0)
        for (index, subquery) in subqueries.enumerated() {
            lines.append("Subquery \(index + 1) \(subquery.name)" + (subquery.isCorrelated ? " correlated" : ""))
            lines += Self.lines(subquery.plan, depth: 1)
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of `plan` and its inputs, depth first; a loop, not recursion, so a deep plan
    /// (a long chain of UNIONs) cannot exhaust the stack.
    private static func lines(_ plan: Plan, depth: Int) -> [String] {
        var lines: [String] = []
        var pending = [(plan, depth)]
        while let (node, depth) = pending.popLast() {
            lines.append(String(repeating: "  ", count: depth) + singleLine(node.nodeText))
            pending += node.inputs.reversed().map { ($0, depth + 1) }
        }
        return lines
    }

    /// The node's inputs, in order.
    var inputs: [Plan] {
        switch self {
        case .scan, .singleRow, .values: []
        case .filter(let input, _, _), .project(let input, _, _), .aggregate(let input, _, _, _, _), .expand(let input, _, _),
            .window(let input, _), .sort(let input, _), .limit(let input, _, _), .distinct(let input), .shared(_, let input, _):
            [input]
        case .join(let join): [join.left, join.right]
        case let .setOperation(_, _, left, right): [left, right]
        }
    }

    /// The node's own line, without its inputs.
    var nodeText: String {
        switch self {
        case .scan(let table): "Scan \(table.name) " + Self.list(table.columns.map(\.name))
        case .singleRow: "OneRow"
        case let .values(rows, columns): "Values \(rows.count) \(rows.count == 1 ? "row" : "rows") " + Self.list(columns)
        case let .filter(_, _, condition): "Filter \(condition)"
        case let .project(_, _, names): "Project " + Self.list(names)
        case let .aggregate(_, _, _, keyNames, aggregateNames):
            "Aggregate keys \(Self.list(keyNames)) functions \(Self.list(aggregateNames))"
        case let .expand(_, _, names): "Expand " + Self.list(names.map(Self.list))
        case let .window(_, stage): "Window " + stage.groups.map(Self.windowGroupText).joined(separator: "; ")
        case .join(let join): Self.joinText(join)
        case let .sort(_, keys): "Sort " + Self.list(keys.map(Self.sortKeyText))
        case let .limit(_, limit, offset): "Limit \(limit.map(String.init) ?? "ALL")" + (offset > 0 ? " offset \(offset)" : "")
        case .distinct: "Distinct"
        case let .setOperation(op, isAll, _, _): Self.setOperationText(op, isAll: isAll)
        case let .shared(_, _, name): "CTE \(name)"
        }
    }

    // MARK: - One function per node kind with more than one part

    /// `partition [region] order [day ASC NULLS FIRST] functions [rank(), sum(x) ROWS BETWEEN …]`:
    /// the frame of each function that reads one (aggregates and first/last/nth value); ranking and
    /// offset functions have none.
    private static func windowGroupText(_ group: WindowGroup) -> String {
        let functions = zip(group.functionNames, group.functions).map { name, function in
            switch function.kind {
            case .aggregate, .firstValue, .lastValue, .nthValue: "\(name) \(WindowFrames.text(function.frame))"
            case .rowNumber, .rank, .denseRank, .percentRank, .cumeDist, .ntile, .offset: name
            }
        }
        return "partition \(list(group.partitionNames)) order \(list(group.orderKeys.map(sortKeyText))) functions \(list(functions))"
    }

    /// `HashJoin INNER keys [id = item_id] condition (on_hand > 6)`; without equality keys the
    /// join runs as nested loops: `NestedLoopJoin CROSS`.
    private static func joinText(_ join: JoinPlan) -> String {
        var text = join.leftKeyNames.isEmpty ? "NestedLoopJoin \(join.kind.rawValue)" : "HashJoin \(join.kind.rawValue)"
        if !join.leftKeyNames.isEmpty {
            text += " keys " + list(zip(join.leftKeyNames, join.rightKeyNames).map { "\($0) = \($1)" })
        }
        if let residual = join.residualName { text += " condition \(residual)" }
        return text
    }

    /// `amount DESC NULLS LAST`.
    private static func sortKeyText(_ key: SortKey) -> String {
        "\(key.name) \(key.isAscending ? "ASC" : "DESC") NULLS \(key.nullsFirst ? "FIRST" : "LAST")"
    }

    /// `Union`, `Union ALL`, `Intersect`, `Except ALL`.
    private static func setOperationText(_ op: SetOperator, isAll: Bool) -> String {
        let name =
            switch op {
            case .union: "Union"
            case .intersect: "Intersect"
            case .except: "Except"
            }
        return isAll ? name + " ALL" : name
    }

    private static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// `text` on one line: a line feed or carriage return inside a name (a string literal's) is
    /// shown as `\n` or `\r`.
    private static func singleLine(_ text: String) -> String {
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            default: line.unicodeScalars.append(scalar)
            }
        }
        return line
    }
}
