import DBAPICore

/// array_sort(array[, (left, right) -> …]): a stable sort (as Spark's TimSort). The comparator must return
/// INT: negative when `left` sorts first, 0 when equal, positive otherwise; NULL is Spark's
/// COMPARATOR_RETURNS_NULL error. Without one, ascending with NULLs last (NaN above every other number).
enum ArraySortFunction {
    /// The comparator Spark supplies (and prints) when the call has none.
    static let defaultComparator =
        "lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, "
        + "(IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, "
        + "(IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), "
        + "namedlambdavariable(), namedlambdavariable())"

    static let declaration = ScalarDeclaration.higherOrder(
        ["array_sort"], arity: 1...2, functions: [1: 2], defaults: [1: defaultComparator]
    ) { call throws(EngineError) in
        let element = try call.lambdaInputElement(0)
        let array = call.arguments[0].evaluate
        guard call.hasFunction(1) else {
            guard element.isOrderable else { throw call.unexpected(0, "\"ARRAY\"") }
            return CompiledExpr(type: .array(element)) { row, context throws(EngineError) in
                guard case .array(let items) = try array(row, context) else { return .null }
                return .array(
                    try sorted(items) { left, right in ValueOrder.compare(left, right, isAscending: true, nullsFirst: false) })
            }
        }
        let comparator = try call.function(1, [element, element])
        guard comparator.type == .int else {
            throw LambdaErrors.unexpectedReturnType(call.expr.sqlName, expected: "INT", actual: comparator.type)
        }
        return CompiledExpr(type: .array(element)) { row, context throws(EngineError) in
            guard case .array(let items) = try array(row, context) else { return .null }
            var frame = LambdaFrame(comparator, over: row)
            return .array(
                try sorted(items) { (left, right) throws(EngineError) in
                    guard case .int(let order) = try frame(left, right, context) else { throw comparatorReturnedNull(left, right) }
                    return order < 0 ? -1 : (order == 0 ? 0 : 1)
                })
        }
    }

    /// `items` merge-sorted by `compare` (stable: equal elements keep their order).
    static func sorted(_ items: [SQLValue], by compare: (SQLValue, SQLValue) throws(EngineError) -> Int) throws(EngineError)
        -> [SQLValue]
    {
        var source = items
        var target = items
        var width = 1
        while width < source.count {
            var start = 0
            while start < source.count {
                let middle = min(start + width, source.count)
                let end = min(start + 2 * width, source.count)
                var (left, right, output) = (start, middle, start)
                while left < middle || right < end {
                    var takeLeft = right >= end
                    if !takeLeft, left < middle { takeLeft = try compare(source[left], source[right]) <= 0 }
                    target[output] = takeLeft ? source[left] : source[right]
                    if takeLeft { left += 1 } else { right += 1 }
                    output += 1
                }
                start = end
            }
            swap(&source, &target)
            width *= 2
        }
        return source
    }

    private static func comparatorReturnedNull(_ left: SQLValue, _ right: SQLValue) -> EngineError {
        .classified(
            errorClass: "COMPARATOR_RETURNS_NULL", sqlState: "22004",
            message: "The comparator has returned a NULL for a comparison between \(left) and \(right). It should return a positive "
                + "integer for \"greater than\", 0 for \"equal\" and a negative integer for \"less than\". To revert to deprecated "
                + "behavior where NULL is treated as 0 (equal), you must set \"spark.sql.legacy.allowNullComparisonResultInArraySort\" "
                + "to \"true\".")
    }
}
