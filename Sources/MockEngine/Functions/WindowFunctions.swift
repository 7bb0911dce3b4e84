import DBAPICore

/// The window functions: for each name its arguments, its result type and the frame it works on,
/// as Spark's analyzer checks them. The built-in aggregates (`AggregateRegistry`) work over any frame too.
enum WindowFunctions {
    /// Ranking functions: no frame of their own (ROWS from the partition start to the current row;
    /// cume_dist to the current row's last peer), and ORDER BY required.
    static let ranking: Set<String> = ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile"]
    /// Offset functions: frameless, ORDER BY required.
    static let offsets: Set<String> = ["lag", "lead"]
    /// Value functions: the first, last or n-th row of the frame. The aggregates first, last and
    /// any_value are first_value and last_value over a window (unless they FILTER).
    static let values: Set<String> = ["first_value", "last_value", "nth_value", "first", "last", "any_value"]

    /// Whether `name` is only valid with OVER (`row_number()` alone is an error, not a scalar call).
    static func requiresOver(_ name: String) -> Bool {
        ranking.contains(name) || offsets.contains(name) || name == "nth_value"
    }

    /// Compiles one call whose window is already resolved to `spec`.
    ///
    /// - Parameters:
    ///   - output: the position of the result among the stage's appended columns.
    ///   - compiler: compiles arguments against the window stage's input.
    /// - Returns: the function and its result type.
    static func compile(
        _ call: WindowCall, _ spec: WindowSpec, output: Int, compiler: ExpressionCompiler
    ) throws(EngineError) -> (WindowFunction, SQLType) {
        let text = WindowSpecText.functionText(call)
        let name = call.name
        if call.isDistinct { throw EngineError.distinctWindow(Expr.window(call).sqlName) }
        let compile = { (expr: Expr) throws(EngineError) -> CompiledExpr in try compiler.compile(expr) }
        /// The written frame, or Spark's default.
        func frame() throws(EngineError) -> FrameSpec {
            try spec.frame.map { (frame) throws(EngineError) in try WindowFrames.resolve(frame, spec, compile: compile) }
                ?? (spec.orderBy.isEmpty ? .partition : .toCurrentPeers)
        }
        let isAggregateCall =
            call.filter != nil || !call.withinGroup.isEmpty || !(ranking.contains(name) || offsets.contains(name) || values.contains(name))
        if isAggregateCall, let aggregate = try aggregate(call, spec, frame: try frame(), output: output, compiler: compiler) {
            return aggregate
        }
        try requireNoAggregateClauses(call)
        var arguments: [CompiledExpr] = []
        for argument in call.arguments { arguments.append(try compile(argument)) }
        if ranking.contains(name) || offsets.contains(name) {
            guard !spec.orderBy.isEmpty else { throw EngineError.windowNotOrdered(name, example: text) }
        }
        if ranking.contains(name) {
            if call.ignoresNulls { throw EngineError.unsupportedSyntax(function: name, "IGNORE NULLS") }
            let required = name == "cume_dist" ? FrameSpec.toCurrentPeers : FrameSpec.toCurrentRow
            // Spark compares the frame as written, before it checks the frame itself (a RANGE offset over two keys).
            let written = WindowFrame(unit: required.isRange ? .range : .rows, start: .unboundedPreceding, end: .currentRow)
            if let frame = spec.frame, frame != written {
                throw EngineError.windowFrameMismatch(WindowFrames.internalText(frame), required: WindowFrames.internalText(written))
            }
            let kind: WindowFunction.Kind
            switch name {
            case "ntile": kind = .ntile(try buckets(arguments, call, text))
            default:
                // rank, dense_rank, percent_rank and cume_dist rank by the window's ORDER BY whatever their arguments.
                guard arguments.isEmpty || name != "row_number" else {
                    throw EngineError.wrongArgumentCount(function: name, expected: "0", got: arguments.count)
                }
                kind =
                    name == "row_number"
                    ? .rowNumber
                    : name == "rank"
                        ? .rank
                        : name == "dense_rank"
                            ? .denseRank
                            : name == "percent_rank" ? .percentRank : .cumeDist
            }
            let type: SQLType = name == "percent_rank" || name == "cume_dist" ? .double : .int
            return (WindowFunction(kind: kind, arguments: [], ignoresNulls: false, frame: required, output: output), type)
        }
        if offsets.contains(name) {
            if spec.frame != nil { throw EngineError.windowFrameNotAllowed(name) }
            guard (1...3).contains(arguments.count) else {
                throw EngineError.wrongArgumentCount(function: name, expected: "1 to 3", got: arguments.count)
            }
            var offset: Int64 = 1
            if arguments.count > 1 {
                offset = try constantInteger(arguments[1], "offset", call, text)
                guard let small = Int32(exactly: offset), arguments[1].type != .bigint else {
                    throw EngineError.windowDataType(
                        "UNEXPECTED_INPUT_TYPE", text,
                        "The second parameter requires the \"INT\" type, however \"\(offset)\" has the type \"BIGINT\".")
                }
                offset = Int64(small)
            }
            let value = arguments[0]
            var evaluators = [value.evaluate]
            if arguments.count > 2 { evaluators.append(ExpressionCompiler.coerce(arguments[2], to: value.type).evaluate) }
            let function = WindowFunction(
                kind: .offset(name == "lag" ? -offset : offset), arguments: evaluators, ignoresNulls: call.ignoresNulls, frame: .partition,
                output: output)
            return (function, value.type)
        }
        if values.contains(name) {
            return try valueFunction(call, arguments, frame: try frame(), output: output, text)
        }
        _ = try ScalarRegistry.compile(name, arguments, .function(name: name, arguments: call.arguments, isDistinct: false, isStar: false))
        throw EngineError.unsupportedWindowExpression(
            Expr.function(name: name, arguments: call.arguments, isDistinct: false, isStar: false).sqlName)
    }

    /// first_value(x [, ignoreNulls]), last_value(x [, ignoreNulls]), nth_value(x, n).
    private static func valueFunction(
        _ call: WindowCall, _ arguments: [CompiledExpr], frame: FrameSpec, output: Int, _ text: String
    ) throws(EngineError) -> (WindowFunction, SQLType) {
        guard let value = arguments.first, arguments.count <= 2 else {
            throw EngineError.wrongArgumentCount(
                function: call.name, expected: call.name == "nth_value" ? "2" : "1 or 2", got: arguments.count)
        }
        var ignoresNulls = call.ignoresNulls
        let kind: WindowFunction.Kind
        switch call.name {
        case "nth_value":
            guard arguments.count == 2 else {
                throw EngineError.wrongArgumentCount(function: call.name, expected: "2", got: arguments.count)
            }
            let n = try constantInteger(arguments[1], "offset", call, text)
            guard n > 0 else {
                throw EngineError.windowDataType(
                    "VALUE_OUT_OF_RANGE", text, "The offset must be between (0, 9223372036854775807] (current value = \(n)L).")
            }
            kind = .nthValue(n)
        default:
            if arguments.count == 2 {
                guard arguments[1].type == .boolean, case .bool(let flag)? = arguments[1].constant else {
                    throw EngineError.windowDataType(
                        "UNEXPECTED_INPUT_TYPE", text, "The second parameter requires a constant \"BOOLEAN\" value.")
                }
                ignoresNulls = ignoresNulls || flag
            }
            kind = call.name == "last_value" || call.name == "last" ? .lastValue : .firstValue
        }
        let function = WindowFunction(kind: kind, arguments: [value.evaluate], ignoresNulls: ignoresNulls, frame: frame, output: output)
        return (function, value.type)
    }

    /// ntile's bucket count: a constant INT in 1...Int32.max.
    private static func buckets(_ arguments: [CompiledExpr], _ call: WindowCall, _ text: String) throws(EngineError) -> Int64 {
        guard arguments.count == 1 else { throw EngineError.wrongArgumentCount(function: "ntile", expected: "1", got: arguments.count) }
        let value = try constantInteger(arguments[0], "buckets", call, text)
        guard value > 0, value <= Int64(Int32.max) else {
            throw EngineError.windowDataType(
                "VALUE_OUT_OF_RANGE", text, "The buckets must be between (0, 2147483647] (current value = \(value)).")
        }
        return value
    }

    /// A constant integer argument (lag/lead offset, ntile buckets, nth_value's n).
    private static func constantInteger(
        _ argument: CompiledExpr, _ role: String, _ call: WindowCall, _ text: String
    ) throws(EngineError) -> Int64 {
        guard argument.type.isIntegral, let constant = argument.constant else {
            let index = role == "buckets" ? 0 : 1
            let shown = index < call.arguments.count ? call.arguments[index].sqlName : ""
            throw EngineError.windowDataType(
                "NON_FOLDABLE_INPUT", text, "the input `\(role)` should be a foldable \"INT\" expression; however, got \"\(shown)\".")
        }
        guard case .int(let value) = constant else {
            throw EngineError.windowDataType("UNEXPECTED_NULL", text, "The `\(role)` must not be null.")
        }
        return value
    }
}
