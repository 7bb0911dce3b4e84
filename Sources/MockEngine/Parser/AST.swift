import DBAPICore

/// The parser's output: a syntax tree with names, not yet resolved against any table.
indirect enum Expr: Sendable, Equatable {
    case literal(SQLValue, SQLType)
    /// A possibly qualified column name: `sku`, `t.sku`, `main.retail.t.sku`.
    case column([String])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case isNull(Expr, negated: Bool)
    case inList(Expr, [Expr], negated: Bool)
    case inSubquery(Expr, Query, negated: Bool)
    case exists(Query, negated: Bool)
    case scalarSubquery(Query)
    case between(Expr, low: Expr, high: Expr, negated: Bool)
    /// `x [NOT] LIKE|ILIKE pattern [ESCAPE 'c']` (the escape character is `\` unless written).
    case like(Expr, pattern: Expr, caseInsensitive: Bool, negated: Bool, escape: Character)
    /// `x [NOT] LIKE ANY|SOME|ALL ('p', …)` with string literal patterns, Spark's `likeany(x)` and
    /// kin (ILIKE: `x` is `lower(x)` and the patterns are lower-cased). Other pattern lists are
    /// parsed as the OR (ANY) or AND (ALL) of plain LIKEs, as Spark does.
    case quantifiedLike(Expr, patterns: [String], isAll: Bool, negated: Bool)
    case caseWhen(operand: Expr?, branches: [WhenBranch], otherwise: Expr?)
    case cast(Expr, SQLType, isTry: Bool)
    /// `base[index]`: an ARRAY element (0-based) or a MAP value.
    case subscripted(Expr, Expr)
    /// `base.name` after an expression that is not a column name (`named_struct(…).a`, `a[0].b`);
    /// dotted column names (`t.s.a`) stay in `.column` until the planner tells columns from fields.
    case field(Expr, String)
    /// `expr AS name` as an argument of `struct(…)`, naming a field.
    case aliased(Expr, alias: String)
    /// A function call; `count(*)` has `isStar` set and no arguments.
    case function(name: String, arguments: [Expr], isDistinct: Bool, isStar: Bool)
    /// An aggregate `.function` call with `FILTER (WHERE filter)`, `WITHIN GROUP (ORDER BY …)` and/or
    /// `IGNORE NULLS` (`RESPECT NULLS`, the default, is false).
    case modifiedAggregate(call: Expr, filter: Expr?, withinGroup: [OrderItem], ignoresNulls: Bool)
    /// A function call with `OVER`: `rank() OVER (ORDER BY x)`, `sum(x) OVER w`.
    case window(WindowCall)
    /// A lambda function argument of a higher-order function: `x -> x + 1`, `(acc, x) -> acc + x`.
    case lambda(parameters: [String], body: Expr)
}

struct WhenBranch: Sendable, Equatable {
    var condition: Expr
    var result: Expr
}

enum UnaryOperator: String, Sendable, Equatable {
    case negate = "-"
    case plus = "+"
    case not = "NOT"
    case bitNot = "~"
}

enum BinaryOperator: String, Sendable, Equatable {
    case or = "OR", and = "AND"
    case equal = "=", nullSafeEqual = "<=>", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", integerDivide = "div"
    case concat = "||"
    case bitAnd = "&", bitOr = "|", bitXor = "^"
}

/// A full query: `WITH … body ORDER BY … LIMIT … OFFSET …`.
struct Query: Sendable, Equatable {
    var ctes: [CommonTableExpression] = []
    var body: QueryBody
    var orderBy: [OrderItem] = []
    var limit: Expr?
    var offset: Expr?
}

struct CommonTableExpression: Sendable, Equatable {
    var name: String
    /// `WITH v(a, b) AS (…)`: names for the query's columns.
    var columnNames: [String]? = nil
    var query: Query
}

indirect enum QueryBody: Sendable, Equatable {
    case select(Select)
    case nested(Query)
    case setOperation(SetOperator, isAll: Bool, QueryBody, QueryBody)
    /// `VALUES (1, 'a'), (2, 'b')`: constant rows, one expression list each.
    case values([[Expr]])
}

extension QueryBody {
    /// Whether this is a `VALUES` list.
    var isValues: Bool {
        if case .values = self { return true }
        return false
    }
}

enum SetOperator: String, Sendable, Equatable {
    case union = "UNION", intersect = "INTERSECT", except = "EXCEPT"
}

struct Select: Sendable, Equatable {
    var isDistinct = false
    var items: [SelectItem] = []
    var from: FromItem?
    var filter: Expr?
    /// The distinct grouping expressions, in the order written (every one, for grouping sets).
    var groupBy: [Expr] = []
    /// ROLLUP, CUBE, GROUPING SETS: each set as indexes into `groupBy`; nil for a plain GROUP BY.
    var groupingSets: [[Int]]?
    /// `GROUP BY ALL`: group by every select item without an aggregate.
    var groupByAll = false
    var having: Expr?
    /// `WINDOW w AS (…), …`, in the order written.
    var windows: [NamedWindow] = []
    var qualify: Expr?

    /// Whether this is `SELECT a, FROM t` as Spark reads it: no FROM clause, and a last item that is a
    /// column `FROM` under the alias `t` after another item.
    var endsInTrailingComma: Bool {
        guard from == nil, items.count > 1, case .expression(.column(let parts), alias: .some)? = items.last else { return false }
        return parts.count == 1 && parts[0].uppercased() == "FROM"
    }
}

enum SelectItem: Sendable, Equatable {
    case expression(Expr, alias: String?)
    /// `*` or `t.*`, and the columns `EXCEPT (a, t.b)` leaves out.
    case star(qualifier: [String]?, except: [[String]] = [])
    /// `generator(…) AS (a, b)`: names for each column a generator produces.
    case multiAlias(Expr, aliases: [String])
}

indirect enum FromItem: Sendable, Equatable {
    case table(name: [String], alias: String?, line: Int, column: Int)
    /// A derived table; `columnNames` renames its columns (`AS t(a, b)`).
    case subquery(Query, alias: String?, columnNames: [String]?)
    case join(JoinKind, FromItem, FromItem, JoinCondition)
    /// `source PIVOT (agg [AS a], … FOR column IN (value [AS v], …)) [alias]`.
    case pivot(FromItem, Pivot, alias: String?)
    /// `source UNPIVOT [INCLUDE | EXCLUDE NULLS] (value FOR name IN (column [AS n], …)) [alias]`.
    case unpivot(FromItem, Unpivot, alias: String?)
    /// A table-valued function: `range(3)`, `explode(array(1, 2)) AS t(x)`.
    case tableFunction(TableFunctionCall)
    /// `LATERAL item`: a subquery or table function that may read the columns of the items left of it.
    case lateral(FromItem)
    /// `source LATERAL VIEW [OUTER] generator(…) [table] [AS column, …]`.
    case lateralView(FromItem, LateralView)
}

/// An expression with an optional alias, as PIVOT and UNPIVOT lists write them.
struct AliasedExpr: Sendable, Equatable {
    var expr: Expr
    var alias: String?
}

/// `PIVOT (aggregates FOR column IN (values))`, or `FOR (a, b) IN ((1, 'x') AS p, …)` over several columns.
struct Pivot: Sendable, Equatable {
    /// One value of the IN list: an expression per pivot column (a tuple when there are several).
    struct Value: Sendable, Equatable {
        var exprs: [Expr]
        var alias: String?
    }

    var aggregates: [AliasedExpr]
    var columns: [Expr]
    var values: [Value]
}

struct Unpivot: Sendable, Equatable {
    var includeNulls: Bool
    var valueColumn: String
    var nameColumn: String
    var columns: [AliasedExpr]
}

enum JoinKind: String, Sendable, Equatable {
    case inner = "INNER", left = "LEFT", right = "RIGHT", full = "FULL", cross = "CROSS"
    case leftSemi = "LEFT SEMI", leftAnti = "LEFT ANTI"
}

enum JoinCondition: Sendable, Equatable {
    case on(Expr)
    case using([String])
    /// NATURAL: USING every column name both sides have.
    case natural
    case none
}

struct OrderItem: Sendable, Equatable {
    var expression: Expr
    var isAscending: Bool
    /// nil means Spark's default: NULLS FIRST for ascending, NULLS LAST for descending.
    var nullsFirst: Bool?

    var effectiveNullsFirst: Bool { nullsFirst ?? isAscending }
}
