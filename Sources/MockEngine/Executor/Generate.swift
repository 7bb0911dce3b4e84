import DBAPICore

extension Executor {
    /// Pushes each input row once per element of its generator's collection, the generated columns appended;
    /// an outer generator keeps a row whose collection is empty or NULL, with NULLs.
    static func forEachGenerated(
        _ input: Plan, _ generator: GeneratePlan, _ context: ExecutionContext, _ body: (Row) throws(EngineError) -> RowDemand
    ) throws(EngineError) {
        let width = generator.columns.count
        try forEach(input, context) { (row) throws(EngineError) in
            let collection = try generator.argument(row, context)
            let count: Int
            switch collection {
            case .array(let items): count = items.count
            case .map(let entries): count = entries.count
            default: count = 0
            }
            guard count > 0 else {
                guard generator.isOuter else { return .more }
                return try body(row + repeatElement(SQLValue.null, count: width))
            }
            for index in 0..<count {
                var produced = Row()
                produced.reserveCapacity(row.count + width)
                produced.append(contentsOf: row)
                if generator.kind == .posexplode { produced.append(.int(Int64(index))) }
                switch collection {
                case .map(let entries):
                    produced.append(entries[index].key)
                    produced.append(entries[index].value)
                case .array(let items) where generator.kind == .inline:
                    if case .struct(let fields) = items[index] {
                        produced.append(contentsOf: fields.lazy.map(\.value))
                    } else {
                        produced.append(contentsOf: repeatElement(SQLValue.null, count: width))
                    }
                case .array(let items):
                    produced.append(items[index])
                default:
                    break
                }
                if try body(produced) == .done { return .done }
            }
            return .more
        }
    }

    /// A LATERAL join: the right side's rows for each left row (computed with the left row as the outer row,
    /// then emitted after it is popped, so consumers above see their own outer rows).
    static func forEachLateral(
        _ join: LateralJoinPlan, _ context: ExecutionContext, _ body: (Row) throws(EngineError) -> RowDemand
    ) throws(EngineError) {
        try forEach(join.left, context) { (left) throws(EngineError) in
            let rights = try context.withOuterRow(left) { () throws(EngineError) in try rows(join.right, context, atMost: nil) }
            var matched = false
            for right in rights {
                let joined = left + right
                if let condition = join.condition, try condition(joined, context) != .bool(true) { continue }
                matched = true
                if try body(joined) == .done { return .done }
            }
            guard join.isLeftOuter, !matched else { return .more }
            return try body(left + repeatElement(SQLValue.null, count: join.rightWidth))
        }
    }
}
