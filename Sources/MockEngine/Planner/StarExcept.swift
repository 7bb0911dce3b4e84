import DBAPICore

/// `* EXCEPT (a, t.b)` and `t.* EXCEPT (…)`: the columns a star leaves out, each named among the columns
/// the star expands to (so `u.* EXCEPT (a)` is not ambiguous when `t` has an `a` too). As Spark 4: a name
/// found nowhere is UNRESOLVED_COLUMN, one the star's columns share is AMBIGUOUS_REFERENCE, a column named
/// twice EXCEPT_OVERLAPPING_COLUMNS; leaving out a field of a STRUCT is not implemented.
enum StarExcept {
    static func columns(_ names: [[String]], among expanded: [Int], scope: Scope, compiler: ExpressionCompiler) throws(EngineError)
        -> Set<Int>
    {
        var excluded: [Int] = []
        for parts in names {
            guard let name = parts.last?.lowercased() else { continue }
            let qualifier = Array(parts.dropLast())
            let found = expanded.filter { index in
                let column = scope.columns[index]
                return column.name.lowercased() == name && (qualifier.isEmpty || column.matches(qualifier: qualifier))
            }
            if found.count > 1 {
                throw EngineError.ambiguousColumn(
                    parts.joined(separator: "."),
                    candidates: found.map { (scope.columns[$0].qualifier.suffix(1) + [scope.columns[$0].name]).joined(separator: ".") })
            }
            guard let index = found.first else {
                if parts.count > 1, case .found(_, _, .struct) = scope.resolve(qualifier) {
                    throw EngineError.unsupported("EXCEPT of a STRUCT field (`\(parts.joined(separator: "."))`)")
                }
                _ = try compiler.compile(.column(parts))  // Spark's UNRESOLVED_COLUMN, with suggestions
                throw EngineError.unknownColumn(parts, suggestions: [])
            }
            excluded.append(index)
        }
        guard Set(excluded).count == excluded.count else {
            throw EngineError.analysis(
                "EXCEPT_OVERLAPPING_COLUMNS",
                "Columns in an EXCEPT list must be distinct and non-overlapping, but got (\(names.map { $0.joined(separator: ".") }.joined(separator: ", ")))."
            )
        }
        return Set(excluded)
    }
}
