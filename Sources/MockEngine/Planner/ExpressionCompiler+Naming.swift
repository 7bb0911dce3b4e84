import DBAPICore

/// Generated column names that depend on types. Spark names an expression after its analyzer has
/// rewritten it, and the rewrites that change a name are datetime arithmetic (`DatetimeNaming`: `d + 1`
/// on a DATE is named `date_add(d, 1)`, also inside other calls: `max(date_add(d, 1))`) and `to_char`,
/// named after what it runs (`ToChar.namingForm`).
extension ExpressionCompiler {
    /// The form of `expr` Spark names: each `+`/`-` on a date or timestamp as what the analyzer makes of
    /// it (`DatetimeNaming`). Operands are typed against this compiler's scope; an aggregate
    /// (`max(d) + 1`) by planning it, a window call by compiling it. What cannot be typed is left as written.
    func namingForm(_ expr: Expr) -> Expr { resolved(expr).expr }

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
        case .unary, .isNull, .inList, .inSubquery, .exists, .between, .like, .quantifiedLike:
            return (mappingChildren(expr), .other)
        default:
            return (mappingChildren(expr), .unknown)
        }
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
