import DBAPICore

/// Functions that build arrays: array_repeat, slice, sequence, flatten, arrays_zip, sort_array, and concat over
/// arrays (array_sort, with or without a comparator, is in Functions/Lambda/ArraySortFunction.swift).
enum ArrayShapeFunctions {
    static let declarations: [ScalarDeclaration] = [
        ScalarDeclaration(names: ["array_repeat"], arity: 2...2) { call throws(EngineError) in
            let element = call.arguments[0]
            let count = try call.argument(1, exactly: .int)
            return CompiledExpr(type: .array(element.type)) { row, context throws(EngineError) in
                guard case .int(let times) = try count(row, context) else { return .null }
                try NestedLimits.requireSize(times, "array_repeat")
                return .array(Array(repeating: try element.evaluate(row, context), count: Int(max(times, 0))))
            }
        },
        ScalarDeclaration(names: ["slice"], arity: 3...3) { call throws(EngineError) in
            let type = SQLType.array(try call.arrayElement(0))  // ARRAY<VOID> for a NULL literal
            return .strict(type, [call.arguments[0].evaluate, try call.argument(1, as: .int), try call.argument(2, as: .int)]) {
                values throws(EngineError) in
                let (items, start, length) = (values[0].items, values[1].integer, values[2].integer)
                guard start != 0 else {
                    throw EngineError.classified(
                        errorClass: "INVALID_PARAMETER_VALUE.START", sqlState: "22023",
                        message: "The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value "
                            + "for `start`, but got 0.")
                }
                guard length >= 0 else {
                    throw EngineError.classified(
                        errorClass: "INVALID_PARAMETER_VALUE.LENGTH", sqlState: "22023",
                        message: "The value of parameter(s) `length` in `slice` is invalid: Expects `length` greater than or equal "
                            + "to 0, but got \(length).")
                }
                let first = start > 0 ? start - 1 : Int64(items.count) + start
                guard first >= 0, first < items.count else { return .array([]) }
                let end = min(Int64(items.count), first + length)
                return .array(Array(items[Int(first)..<Int(end)]))
            }
        },
        ScalarDeclaration(names: ["sequence"], arity: 2...3) { call throws(EngineError) in
            try ArraySequence.compile(call)
        },
        ScalarDeclaration(names: ["flatten"], arity: 1...1) { call throws(EngineError) in
            guard case .array(.array(let element)) = call.type(0) else { throw call.unexpected(0, "\"ARRAY\" of \"ARRAY\"") }
            return .strict(.array(element), [call.arguments[0].evaluate]) { values in
                var out: [SQLValue] = []
                for inner in values[0].items {
                    guard case .array(let items) = inner else { return .null }
                    out += items
                }
                return .array(out)
            }
        },
        ScalarDeclaration(names: ["arrays_zip"], arity: 0...Int.max) { call throws(EngineError) in
            var fields: [SQLStructField] = []
            for index in 0..<call.count {
                var name = String(index)
                if case .column(let parts)? = call.argumentExpr(index), let last = parts.last { name = last }
                fields.append(SQLStructField(name, try call.arrayElement(index)))
            }
            let names = fields.map(\.name)
            return .strict(.array(.struct(fields)), call.arguments.map(\.evaluate)) { values in
                let arrays = values.map(\.items)
                let length = arrays.map(\.count).max() ?? 0
                return .array(
                    (0..<length).map { position in
                        .struct(zip(names, arrays).map { SQLField($0, position < $1.count ? $1[position] : .null) })
                    })
            }
        },
        ScalarDeclaration(names: ["sort_array"], arity: 1...2, printer: ScalarDeclaration.fillingDefaults(["true"], arity: 2)) {
            call throws(EngineError) in
            let element = try call.arrayElement(0)
            guard element.isOrderable else { throw call.unexpected(0, "\"ARRAY\"") }
            let ascending: Evaluator = call.count == 2 ? try call.argument(1, as: .boolean) : { @Sendable _, _ in .bool(true) }
            return .strict(call.type(0), [call.arguments[0].evaluate, ascending]) { values in
                let isAscending = values[1] == .bool(true)
                return .array(sorted(values[0].items, isAscending: isAscending, nullsFirst: isAscending))
            }
        },
    ]

    /// A stable sort of array elements in Spark's order.
    static func sorted(_ items: [SQLValue], isAscending: Bool, nullsFirst: Bool) -> [SQLValue] {
        items.enumerated().sorted { a, b in
            let order = ValueOrder.compare(a.element, b.element, isAscending: isAscending, nullsFirst: nullsFirst)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }

    /// `concat` when its arguments are arrays: their elements in order, NULL if any is NULL.
    static func concatArrays(_ call: ScalarCall) throws(EngineError) -> CompiledExpr {
        var element = SQLType.null
        for index in 0..<call.count {
            guard case .array(let inner) = call.type(index), let common = TypeCoercion.common(element, inner) else {
                throw call.mismatch(
                    "DATA_DIFF_TYPES",
                    "Input to `concat` should all be the same type, but it's ("
                        + (0..<call.count).map { "\"\(call.type($0) == .null ? .string : call.type($0))\"" }.joined(separator: " or ") + ")"
                )
            }
            element = common
        }
        let type = SQLType.array(element)
        return .strict(type, (0..<call.count).map { call.nestedArgument($0, as: type) }) { values in
            .array(values.flatMap(\.items))
        }
    }
}
