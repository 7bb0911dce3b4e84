import DBAPICore

/// One way a result on one backend differs from the same statement's result on another.
public enum ResultDifference: Sendable, Equatable {
    /// The column at `index` is missing on one side or differs in name or Spark type.
    case column(index: Int, left: ResultColumn?, right: ResultColumn?)
    /// A row found on one side only (`onLeft`: on the left backend).
    case rowOnly(onLeft: Bool, row: [JSONValue])
    /// Row `row` (of a result the SQL orders) holds different values in column `column`.
    case value(row: Int, column: String, left: JSONValue, right: JSONValue)
    /// The statement failed on one side only, or with different error codes.
    case error(left: String?, right: String?)

    /// The difference as JSON for `--format json` (rows and column positions counted from 1, as in the
    /// text); `left` and `right` name the backends.
    public func json(left leftName: String, right rightName: String) -> JSONValue {
        func describe(_ column: ResultColumn?) -> JSONValue {
            column.map { .string("\($0.name) \($0.type)") } ?? .null
        }
        switch self {
        case let .column(index, left, right):
            return .object(
                JSONObject([
                    ("kind", .string("column")), ("position", .int(Int64(index + 1))), (leftName, describe(left)),
                    (rightName, describe(right)),
                ]))
        case let .rowOnly(onLeft, row):
            return .object(
                JSONObject([("kind", .string("row_only_on")), ("side", .string(onLeft ? leftName : rightName)), ("row", .array(row))]))
        case let .value(row, column, left, right):
            return .object(
                JSONObject([
                    ("kind", .string("value")), ("row", .int(Int64(row + 1))), ("column", .string(column)), (leftName, left),
                    (rightName, right),
                ]))
        case let .error(left, right):
            return .object(
                JSONObject([
                    ("kind", .string("error")), (leftName, left.map { .string($0) } ?? .null),
                    (rightName, right.map { .string($0) } ?? .null),
                ]))
        }
    }

    /// One line for people.
    public func text(left leftName: String, right rightName: String) -> String {
        let writer = JSONWriter()
        switch self {
        case let .column(index, left, right):
            let show = { (column: ResultColumn?) in column.map { "\($0.name) \($0.type)" } ?? "(none)" }
            return "column \(index + 1): \(leftName) \(show(left)), \(rightName) \(show(right))"
        case let .rowOnly(onLeft, row):
            return "row only on \(onLeft ? leftName : rightName): \(writer.string(.array(row)))"
        case let .value(row, column, left, right):
            return "row \(row + 1), column \(column): \(leftName) \(writer.string(left)), \(rightName) \(writer.string(right))"
        case let .error(left, right):
            return "\(leftName) \(left ?? "succeeded"), \(rightName) \(right ?? "succeeded")"
        }
    }
}
