import DBAPICore

/// Aggregates over a window: every aggregate of the registry, with FILTER, WITHIN GROUP and (for
/// first, last and any_value) IGNORE NULLS, over any frame. The built-ins (count, sum, avg, min,
/// max) slide by retracting rows; the others run as kernels (`WindowKernelFrames`).
extension WindowFunctions {
    /// Compiles the aggregate call `call` over `spec` (resolved to `frame`).
    static func aggregate(
        _ call: WindowCall, _ spec: WindowSpec, frame: FrameSpec, output: Int, compiler: ExpressionCompiler
    ) throws(EngineError) -> (WindowFunction, SQLType)? {
        guard let declaration = AggregateRegistry.declaration(call.name) else { return nil }
        let modifiers = AggregateSpec.Modifiers(filter: call.filter, withinGroup: call.withinGroup, ignoresNulls: call.ignoresNulls)
        let aggregate = try AggregateSpec.planCall(
            call.name, call.arguments, isDistinct: false, isStar: call.isStar, modifiers, compiler: compiler,
            sqlName: WindowSpecText.functionText(call))
        // Spark computes an ordered-set aggregate (percentile_cont, percentile_disc, median, listagg
        // WITHIN GROUP) over the whole partition only.
        if declaration.impliesWithinGroup || !call.withinGroup.isEmpty, !spec.orderBy.isEmpty || frame != .partition {
            throw EngineError.classified(
                errorClass: "INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC", sqlState: "42601",
                message: "Cannot specify ORDER BY or a window frame for \"\(WindowSpecText.functionText(call))\".")
        }
        let function = WindowFunction(kind: .aggregate(aggregate), arguments: [], ignoresNulls: false, frame: frame, output: output)
        return (function, aggregate.resultType)
    }

    /// FILTER and WITHIN GROUP belong to aggregates; ranking, offset and value functions refuse them.
    static func requireNoAggregateClauses(_ call: WindowCall) throws(EngineError) {
        if call.filter != nil { throw EngineError.unsupportedSyntax(function: call.name, "FILTER CLAUSE") }
        if !call.withinGroup.isEmpty { throw EngineError.unsupportedSyntax(function: call.name, "WITHIN GROUP (ORDER BY ...)") }
    }
}
