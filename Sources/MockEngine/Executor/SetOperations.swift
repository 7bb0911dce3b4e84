import DBAPICore

/// Row counting for INTERSECT ALL and EXCEPT ALL (rows compare with Spark equality); the set
/// operations themselves stream in `Executor.forEach`.
enum SetOperations {
    /// How many times each row occurs in `rows`.
    static func multiplicities(_ rows: [Row]) -> [Row: Int] {
        var counts: [Row: Int] = [:]
        for row in rows { counts[row, default: 0] += 1 }
        return counts
    }

    /// Whether `row` is still in `counts`, taking one occurrence of it if so.
    static func take(_ row: Row, from counts: inout [Row: Int]) -> Bool {
        guard let count = counts[row], count > 0 else { return false }
        counts[row] = count - 1
        return true
    }
}
