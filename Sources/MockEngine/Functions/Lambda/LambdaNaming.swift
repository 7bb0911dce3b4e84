/// How Spark prints lambdas in generated column names and messages. Once bound to a higher-order function,
/// every lambda variable prints as `namedlambdavariable()` and the lambda as `lambdafunction(body, variables…)`:
/// `transform(xs, x -> x + 1)` is `transform(xs, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))`.
/// Before binding (in a message about the call's other arguments) the names stay: `lambdafunction(x, x)`.
extension Expr {
    /// The bound form of the lambda `parameters -> body`.
    static func lambdaName(_ parameters: [String], _ body: Expr) -> String {
        let names = Set(parameters.map { $0.lowercased() })
        let variable = Expr.function(name: "namedlambdavariable", arguments: [], isDistinct: false, isStar: false)
        func bind(_ expr: Expr) -> Expr {
            if case .column(let parts) = expr, let first = parts.first, names.contains(first.lowercased()) {
                return parts.dropFirst().reduce(variable) { .field($0, $1) }  // `x.a` is a field of the variable
            }
            return (try? expr.mapChildren { (child) throws(EngineError) in bind(child) }) ?? expr
        }
        let arguments = [bind(body)] + parameters.map { _ in variable }
        return Expr.function(name: "lambdafunction", arguments: arguments, isDistinct: false, isStar: false).sqlName
    }

    /// This expression's name with its lambdas printed unbound: `transform(1, lambdafunction(x, x))`.
    var unboundSQLName: String { unboundLambdas.sqlName }

    private var unboundLambdas: Expr {
        if case let .lambda(parameters, body) = self {
            let arguments = [body.unboundLambdas] + parameters.map { Expr.column([$0]) }
            return .function(name: "lambdafunction", arguments: arguments, isDistinct: false, isStar: false)
        }
        return (try? mapChildren { (child) throws(EngineError) in child.unboundLambdas }) ?? self
    }
}
