import DBAPICore
import SQLText

/// Compares one statement's results from two backends: columns by name and Spark type; rows in order
/// when the SQL orders them (a top-level ORDER BY), else as multisets; decimals exactly, doubles
/// within n ulps (n the larger row count: the error a sum over n rows may gather).
public struct ResultComparison: Sendable {
    /// At most this many row differences are reported per statement (the count says how many more).
    public static let reportedRows = 20

    public let differences: [ResultDifference]
    /// Row differences beyond `reportedRows`.
    public let unreportedRows: Int

    public init(_ left: ResultSet, _ right: ResultSet, ordered: Bool) {
        var differences: [ResultDifference] = []
        for index in 0..<max(left.columns.count, right.columns.count) {
            let (a, b) = (left.columns.element(at: index), right.columns.element(at: index))
            if a != b { differences.append(.column(index: index, left: a, right: b)) }
        }
        let ulps = Double(max(left.rows.count, right.rows.count, 1))
        let rows =
            ordered
            ? Self.inOrder(left, right, ulps: ulps) : Self.asMultisets(left.rows, right.rows, ulps: ulps, left.columns, right.columns)
        differences += rows.prefix(Self.reportedRows)
        self.differences = differences
        unreportedRows = max(0, rows.count - Self.reportedRows)
    }

    /// Whether `sql` orders its rows: `ORDER BY` outside any parentheses (not a window's or a subquery's).
    public static func isOrdered(_ sql: String) -> Bool {
        guard let tokens = try? Lexer.tokenize(sql) else { return false }
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.isSymbol("(") { depth += 1 }
            if token.isSymbol(")") { depth -= 1 }
            if depth == 0, token.isWord(.order), index + 1 < tokens.count, tokens[index + 1].isWord(.by) { return true }
        }
        return false
    }

    private static func inOrder(_ left: ResultSet, _ right: ResultSet, ulps: Double) -> [ResultDifference] {
        var differences: [ResultDifference] = []
        let names = left.columns.map(\.name)
        for index in 0..<max(left.rows.count, right.rows.count) {
            guard let a = left.rows.element(at: index) else {
                differences.append(.rowOnly(onLeft: false, row: right.rows[index].map(\.json)))
                continue
            }
            guard let b = right.rows.element(at: index) else {
                differences.append(.rowOnly(onLeft: true, row: a.map(\.json)))
                continue
            }
            for column in 0..<max(a.count, b.count) {
                let (x, y) = (a.element(at: column) ?? .null, b.element(at: column) ?? .null)
                if !Self.agree(x, y, ulps: ulps) {
                    differences.append(
                        .value(row: index, column: names.element(at: column) ?? "\(column + 1)", left: x.json, right: y.json))
                }
            }
        }
        return differences
    }

    private static func asMultisets(
        _ left: [Row], _ right: [Row], ulps: Double, _ leftColumns: [ResultColumn], _ rightColumns: [ResultColumn]
    )
        -> [ResultDifference]
    {
        var counts: [Row: Int] = [:]
        for row in left { counts[row, default: 0] += 1 }
        var onlyRight: [Row] = []
        for row in right {
            if let count = counts[row], count > 0 { counts[row] = count - 1 } else { onlyRight.append(row) }
        }
        var onlyLeft = left.filter { row in
            guard let count = counts[row], count > 0 else { return false }
            counts[row] = count - 1
            return true
        }
        // Rows equal but for rounding: paired within the tolerance (bounded: beyond it, reported as they are).
        if onlyLeft.count * onlyRight.count <= 1_000_000 {
            onlyRight = onlyRight.filter { row in
                guard let match = onlyLeft.firstIndex(where: { Self.agree(.array($0), .array(row), ulps: ulps) }) else { return true }
                onlyLeft.remove(at: match)
                return false
            }
        }
        return onlyLeft.map { .rowOnly(onLeft: true, row: $0.map(\.json)) } + onlyRight.map { .rowOnly(onLeft: false, row: $0.map(\.json)) }
    }

    /// Equal as Spark compares them, doubles (also inside nested values) within `ulps` units in the last place.
    static func agree(_ a: SQLValue, _ b: SQLValue, ulps: Double) -> Bool {
        switch (a, b) {
        case let (.double(x), .double(y)):
            if x == y || (x.isNaN && y.isNaN) { return true }
            guard x.isFinite, y.isFinite else { return false }
            return abs(x - y) <= ulps * max(abs(x), abs(y)).ulp
        case let (.array(xs), .array(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { agree($0, $1, ulps: ulps) }
        case let (.struct(xs), .struct(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { $0.name == $1.name && agree($0.value, $1.value, ulps: ulps) }
        case let (.map(xs), .map(ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { $0.key == $1.key && agree($0.value, $1.value, ulps: ulps) }
        default:
            return a == b
        }
    }
}

extension Array {
    /// The element at `index`, or nil past either end.
    fileprivate func element(at index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
