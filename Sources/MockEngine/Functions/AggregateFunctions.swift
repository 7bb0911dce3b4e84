import DBAPICore

/// count, sum, avg, min, max: which names aggregate and what types they return.
enum AggregateFunctions {
    static let names = ["avg", "count", "max", "mean", "min", "sum"]

    static func isAggregate(_ name: String) -> Bool { names.contains(name) }

    /// The spec of an aggregate call whose arguments are already compiled.
    static func spec(
        _ name: String, arguments: [CompiledExpr], isDistinct: Bool, isStar: Bool, _ expr: Expr
    ) throws(EngineError) -> AggregateSpec {
        if isStar {
            guard name == "count" else {
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "only count accepts *")
            }
            return AggregateSpec(function: .countStar, arguments: [], argumentType: .null, resultType: .bigint, isDistinct: false)
        }
        if name == "count" {
            guard !arguments.isEmpty else { throw EngineError.wrongArgumentCount(function: name, expected: "1 or more", got: 0) }
            return AggregateSpec(
                function: .count, arguments: arguments.map(\.evaluate), argumentType: .null, resultType: .bigint, isDistinct: isDistinct)
        }
        guard arguments.count == 1 else { throw EngineError.wrongArgumentCount(function: name, expected: "1", got: arguments.count) }
        let type = arguments[0].type
        let function: AggregateSpec.Function
        let resultType: SQLType
        switch name {
        case "min", "max":
            function = name == "min" ? .minimum : .maximum
            resultType = type
        case "sum":
            function = .sum
            switch type {
            case _ where type.isIntegral: resultType = .bigint
            case let .decimal(precision, scale): resultType = DecimalRules.bounded(precision: precision + 10, scale: scale)
            case .double, .float, .null: resultType = .double
            default:
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "sum expects a number, got \(type)")
            }
        default:  // avg, mean
            function = .average
            switch type {
            case let .decimal(precision, scale): resultType = DecimalRules.bounded(precision: precision + 4, scale: scale + 4)
            case _ where type.isNumeric || type == .null: resultType = .double
            default:
                throw EngineError.typeMismatch(expression: expr.sqlName, message: "\(name) expects a number, got \(type)")
            }
        }
        return AggregateSpec(
            function: function, arguments: [arguments[0].evaluate], argumentType: type, resultType: resultType, isDistinct: isDistinct)
    }
}
