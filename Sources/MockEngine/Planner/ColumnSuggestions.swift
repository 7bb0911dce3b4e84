import DBAPICore

/// The "Did you mean one of the following?" list of UNRESOLVED_COLUMN, ordered as Spark's analyzer orders
/// it (`StringUtils.orderSuggestedIdentifiersBySimilarity`): the columns of the failing query level, with
/// their qualifier dropped when it tells nothing apart, quoted, by edit distance to the unresolved name
/// (ties in column order), at most five.
enum ColumnSuggestions {
    static let limit = 5

    /// The suggestions for `parts` (`["s", "nme"]`) among the visible columns of `scope`'s own level.
    static func ordered(for parts: [String], in scope: Scope) -> [String] {
        let candidates = scope.columns.filter { !$0.isHidden }.map { $0.qualifier + [$0.name] }
        return ordered(for: parts, among: candidates)
    }

    static func ordered(for parts: [String], among candidates: [[String]]) -> [String] {
        let stripped: [[String]]
        if parts.count == 1, Set(candidates.map { $0.dropLast() }).count == 1 {
            stripped = candidates.map { Array($0.suffix(1)) }
        } else if parts.count <= 2, Set(candidates.map { $0.dropLast(2) }).count == 1 {
            stripped = candidates.map { Array($0.suffix(2)) }
        } else {
            stripped = candidates
        }
        // Spark measures the distance to the name as written in SQL (quoted only where it must be).
        let base = Array(parts.map(quotedIfNeeded).joined(separator: ".").unicodeScalars)
        let names = stripped.map { $0.map(quoted).joined(separator: ".") }
        let distances = names.map { NameSuggestion.editDistance(Array($0.unicodeScalars), base) }
        let order = names.indices.sorted { (distances[$0], $0) < (distances[$1], $1) }
        return order.prefix(limit).map { names[$0] }
    }

    /// `` `name` ``, with any back-quote inside doubled.
    static func quoted(_ part: String) -> String {
        "`" + part.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// `name` as it stands when it is a plain identifier (`[a-zA-Z_][a-zA-Z0-9_]*`), else quoted.
    static func quotedIfNeeded(_ part: String) -> String {
        func isLetter(_ byte: UInt8) -> Bool {
            ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
        }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard let first = part.utf8.first, isLetter(first), part.utf8.allSatisfy({ isLetter($0) || isDigit($0) }) else {
            return quoted(part)
        }
        return part
    }
}
