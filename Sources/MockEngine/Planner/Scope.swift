import DBAPICore

/// A column visible to expressions: where it came from and its type.
struct ScopeColumn: Sendable {
    /// The lower-cased qualifier it can be referenced by: a table alias, or the table's name parts.
    var qualifier: [String]
    var name: String
    var type: SQLType
    /// Hidden columns (the per-side copies of a USING column) are reachable only when qualified
    /// and are not part of `*`.
    var isHidden = false

    func matches(qualifier reference: [String]) -> Bool {
        guard reference.count <= qualifier.count else { return false }
        return Array(qualifier.suffix(reference.count)) == reference.map { $0.lowercased() }
    }
}

/// The columns in scope at one query level, with the enclosing query's scope as parent
/// (for correlated subqueries).
final class Scope: Sendable {
    let columns: [ScopeColumn]
    let parent: Scope?
    /// The references from nested subqueries that resolved to this scope's columns, in the order compiled.
    let outerReads = LockedBox<[OuterReference]>([])

    init(columns: [ScopeColumn], parent: Scope?) {
        self.columns = columns
        self.parent = parent
    }

    enum Resolution {
        /// `depth` 0 is this scope; 1 the enclosing query, and so on.
        case found(depth: Int, index: Int, type: SQLType)
        case ambiguous([String])
        case missing

        var isMissing: Bool {
            if case .missing = self { return true }
            return false
        }
    }

    /// Resolves `sku`, `t.sku` or `main.retail.t.sku`, innermost scope first, at most
    /// `OuterReferences.maximumDepth` levels out.
    func resolve(_ parts: [String]) -> Resolution {
        var scope: Scope? = self
        var depth = 0
        while let current = scope, depth <= OuterReferences.maximumDepth {
            let name = parts.last?.lowercased() ?? ""
            let qualifier = Array(parts.dropLast())
            let matches = current.columns.indices.filter { index in
                let column = current.columns[index]
                guard column.name.lowercased() == name else { return false }
                if qualifier.isEmpty { return !column.isHidden }
                return column.matches(qualifier: qualifier)
            }
            if matches.count == 1 {
                return .found(depth: depth, index: matches[0], type: current.columns[matches[0]].type)
            }
            if matches.count > 1 {
                return .ambiguous(matches.map { (current.columns[$0].qualifier + [current.columns[$0].name]).joined(separator: ".") })
            }
            scope = current.parent
            depth += 1
        }
        return .missing
    }

    /// How many reads nested subqueries have recorded here: a mark for `takeOuterReads(since:)`.
    var outerReadCount: Int { outerReads.withLock { $0.count } }

    /// Removes and returns the reads recorded since `mark` (those of a trial compile, or of planning done
    /// only to name a subquery).
    @discardableResult
    func takeOuterReads(since mark: Int) -> ArraySlice<OuterReference> {
        outerReads.withLock { reads in
            let taken = reads[min(mark, reads.count)...]
            reads.removeSubrange(min(mark, reads.count)...)
            return taken
        }
    }

    /// Outer reads of this scope and every enclosing one; a subquery is correlated when planning it
    /// changed this total.
    var outerReadsInChain: Int {
        var total = 0
        var scope: Scope? = self
        while let current = scope {
            total += current.outerReadCount
            scope = current.parent
        }
        return total
    }

    /// The scope `depth` levels out.
    func ancestor(_ depth: Int) -> Scope? {
        var scope: Scope? = self
        for _ in 0..<depth { scope = scope?.parent }
        return scope
    }
}
