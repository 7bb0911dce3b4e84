/// Dotted names that reach into nested columns (`s.f`, `t.s.f`, `m.k`), resolved as Spark's analyzer
/// does: the longest prefix naming a column, the rest its fields (a MAP's by key). Spark prints them
/// so inside expressions: `upper(s.f)`, `m[k]`, `s.a[0]`, the qualifier dropped.
extension Expr {
    /// `t.s.f` as field access on the column its longest prefix names, or nil when no prefix names one.
    static func fieldAccess(_ parts: [String], in scope: Scope) -> Expr? {
        guard parts.count > 1 else { return nil }
        for length in stride(from: parts.count - 1, through: 1, by: -1) {
            let prefix = Array(parts.prefix(length))
            guard case .found(_, _, var type) = scope.resolve(prefix) else { continue }
            var access = Expr.column(prefix)
            for name in parts.dropFirst(length) {
                switch type {
                case .map(_, let value):
                    access = .subscripted(access, .literal(.string(name), .string))
                    type = value
                case .struct(let fields):
                    access = .field(access, name)
                    type = fields.first { $0.name.lowercased() == name.lowercased() }?.type ?? .null
                default:
                    access = .field(access, name)
                    type = .null
                }
            }
            return access
        }
        return nil
    }

    /// This expression with each dotted name that reaches into a nested column written as the field
    /// access it stands for (subqueries are not entered).
    func resolvingFieldAccess(in scope: Scope) -> Expr {
        if case .column(let parts) = self, case .missing = scope.resolve(parts), let access = Self.fieldAccess(parts, in: scope) {
            return access
        }
        return (try? mapChildren { $0.resolvingFieldAccess(in: scope) }) ?? self
    }
}
