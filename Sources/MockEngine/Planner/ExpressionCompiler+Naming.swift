import DBAPICore

/// Generated column names that depend on types. Spark names an expression after its analyzer has
/// rewritten it, and the rewrites that change a name are datetime arithmetic (`DatetimeNaming`: `d + 1`
/// on a DATE is named `date_add(d, 1)`, also inside other calls: `max(date_add(d, 1))`) and `to_char`,
/// named after what it runs (`ToChar.namingForm`).
extension ExpressionCompiler {
    /// The form of `expr` Spark names: each `+`/`-` on a date or timestamp as what the analyzer makes of
    /// it (`DatetimeNaming`). Operands are typed against this compiler's scope; an aggregate
    /// (`max(d) + 1`) by planning it, a window call by compiling it. What cannot be typed is left as written.
    func namingForm(_ expr: Expr) -> Expr {
        // Typing operands compiles them once more: their reads of an enclosing query are not recorded twice.
        let outer = scope.parent
        let mark = outer?.outerReadCount ?? 0
        defer { outer?.takeOuterReads(since: mark) }
        return resolved(expr).expr
    }

    private func resolved(_ expr: Expr) -> (expr: Expr, kind: DatetimeNaming.Kind) {
        switch expr {
        case .literal(_, let type):
            return (expr, DatetimeNaming.Kind(type))
        case let .binary(op, left, right):
            let (l, r) = (resolved(left), resolved(right))
            guard op == .add || op == .subtract else {
                return (.binary(op, l.expr, r.expr), .other)
            }
            let leftKind = l.kind == .unknown ? kind(of: left) : l.kind
            let rightKind = r.kind == .unknown ? kind(of: right) : r.kind
            guard leftKind != .unknown, rightKind != .unknown,
                let named = DatetimeNaming.form(op, (l.expr, leftKind), (r.expr, rightKind))
            else {
                return (.binary(op, l.expr, r.expr), leftKind == .other && rightKind == .other ? .other : .unknown)
            }
            return named
        case .cast(_, let type, _):
            return (mappingChildren(expr), DatetimeNaming.Kind(type))
        case let .function(name, arguments, _, _) where ["to_char", "to_varchar"].contains(name.lowercased()) && arguments.count == 2:
            let rewritten = mappingChildren(expr)
            guard let type = try? compile(arguments[0]).type, case let .function(_, printed, _, _) = rewritten else {
                return (rewritten, .other)
            }
            return (ToChar.namingForm(name.lowercased(), printed, type), .other)
        case .scalarSubquery(let query):
            return (.column(["scalarsubquery(\(outerReferenceNames(query)))"]), .unknown)
        case let .exists(query, negated):
            let call = Expr.column(["exists(\(outerReferenceNames(query)))"])
            return (negated ? .unary(.not, call) : call, .other)
        case let .inSubquery(operand, query, negated):
            let list = Expr.column(["listquery(\(outerReferenceNames(query)))"])
            return (.inList(Self.rowNamingForm(operand), [list], negated: negated), .other)
        case .unary, .isNull, .inList, .between, .like, .quantifiedLike:
            return (mappingChildren(expr), .other)
        default:
            return (mappingChildren(expr), .unknown)
        }
    }

    /// The enclosing query's columns `query` reads, as its generated name lists them (`id, qty`), found
    /// by planning it here; empty when it does not plan.
    func outerReferenceNames(_ query: Query) -> String {
        let mark = scope.outerReadCount
        let planned = (try? planner.discardingSubqueries().planQuery(query, outer: scope)) != nil
        let reads = scope.takeOuterReads(since: mark)
        return planned ? OuterReferences.names(reads) : ""
    }

    /// A row `(a, b)` before IN (subquery) is named as Spark writes the struct it builds, field names
    /// quoted: `named_struct('a', a, 'b', b)`.
    private static func rowNamingForm(_ operand: Expr) -> Expr {
        guard case .function("named_struct", let fields, false, false) = operand, fields.count % 2 == 0 else { return operand }
        let pairs = stride(from: 0, to: fields.count, by: 2).map { index in
            let value = fields[index + 1].sqlName
            guard case .literal(.string(let name), _) = fields[index] else { return fields[index].sqlName + ", " + value }
            return "'\(name)', \(value)"
        }
        return .column(["named_struct(" + pairs.joined(separator: ", ") + ")"])
    }

    private func mappingChildren(_ expr: Expr) -> Expr {
        (try? expr.mapChildren { (child) throws(EngineError) in resolved(child).expr }) ?? expr
    }

    /// What `expr`'s type is to the naming rewrite, by compiling (or planning) it; unknown when it does
    /// not compile here.
    private func kind(of expr: Expr) -> DatetimeNaming.Kind {
        let type: SQLType?
        switch expr {
        case .window(let call):
            guard case .inline(let spec) = call.window else { return .unknown }
            type = try? WindowFunctions.compile(call, spec, output: 0, compiler: self).1
        case .function(let name, _, _, _) where AggregateRegistry.isAggregate(name):
            type = try? AggregateSpec.plan(expr, compiler: self).resultType
        case .modifiedAggregate:
            type = try? AggregateSpec.plan(expr, compiler: self).resultType
        default:
            type = try? compile(expr).type
        }
        return type.map(DatetimeNaming.Kind.init) ?? .unknown
    }
}
