/// How Spark prints a window call, for generated column names and messages:
/// `RANK() OVER (PARTITION BY g ORDER BY x ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`.
enum WindowSpecText {
    /// `(PARTITION BY … ORDER BY … frame)`, the frame as written.
    static func text(_ spec: WindowSpec) -> String {
        text(spec, frame: spec.frame.map { WindowFrames.text($0) })
    }

    static func text(_ spec: WindowSpec, frame: String?) -> String {
        var parts: [String] = []
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + spec.partitionBy.map(\.sqlName).joined(separator: ", ")) }
        if !spec.orderBy.isEmpty {
            let items = spec.orderBy.map { item in
                "\(item.expression.sqlName) \(item.isAscending ? "ASC" : "DESC") NULLS \(item.effectiveNullsFirst ? "FIRST" : "LAST")"
            }
            parts.append("ORDER BY " + items.joined(separator: ", "))
        }
        if let frame { parts.append(frame) }
        return "(" + parts.joined(separator: " ") + ")"
    }

    /// The whole call: function, OVER, and the window with the frame Spark fills in.
    static func text(_ call: WindowCall) -> String {
        guard case .inline(let spec) = call.window else {
            guard case .named(let name) = call.window else { return "" }
            return functionText(call) + " OVER " + name
        }
        return functionText(call) + " OVER " + text(spec, frame: frameText(call, spec))
    }

    /// The function part as Spark prints it: `RANK()`, `lag(x, 1, NULL)`, `first(x)` (first_value IGNORE NULLS).
    static func functionText(_ call: WindowCall) -> String {
        let arguments = call.arguments.map(\.sqlName)
        switch call.name {
        case "rank", "dense_rank", "percent_rank": return call.name.uppercased() + "()"
        case "lag", "lead":
            return
                "\(call.name)(\(arguments.first ?? ""), \(arguments.count > 1 ? arguments[1] : "1"), \(arguments.count > 2 ? arguments[2] : "NULL"))"
        case "first_value", "last_value":
            return "\(call.ignoresNulls ? Expr.nullsIgnoringName(call.name) : call.name)(\(arguments.first ?? ""))"
        case "nth_value":
            return "nth_value(\(arguments.joined(separator: ", ")))" + (call.ignoresNulls ? " ignore nulls" : "")
        default:
            let function = Expr.function(name: call.name, arguments: call.arguments, isDistinct: call.isDistinct, isStar: call.isStar)
            guard call.filter != nil || !call.withinGroup.isEmpty else { return function.sqlName }
            return Expr.modifiedAggregate(call: function, filter: call.filter, withinGroup: call.withinGroup, ignoresNulls: false).sqlName
        }
    }

    /// The frame as Spark fills it in: the function's own, the written one, or the default.
    private static func frameText(_ call: WindowCall, _ spec: WindowSpec) -> String {
        if WindowFunctions.ranking.contains(call.name) {
            return WindowFrames.text(call.name == "cume_dist" ? FrameSpec.toCurrentPeers : FrameSpec.toCurrentRow)
        }
        if WindowFunctions.offsets.contains(call.name) {
            var offset = 1
            if call.arguments.count > 1, case .literal(.int(let value), _) = call.arguments[1] { offset = Int(clamping: value) }
            let signed = call.name == "lag" ? -offset : offset
            return "ROWS BETWEEN \(signed) FOLLOWING AND \(signed) FOLLOWING"
        }
        if let frame = spec.frame { return WindowFrames.text(frame) }
        return WindowFrames.text(spec.orderBy.isEmpty ? FrameSpec.partition : FrameSpec.toCurrentPeers)
    }
}
