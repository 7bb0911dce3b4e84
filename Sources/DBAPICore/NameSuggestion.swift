/// "Did you mean …?" hints: the candidate closest to a misspelt name.
public enum NameSuggestion {
    /// The closest candidate by case-insensitive edit distance, if it is close enough to be a typo.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= max(2, target.count / 3), distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The hint a message ends with: `; did you mean 'name'?`, or `otherwise` without a suggestion.
    public static func hint(_ suggestion: String?, otherwise: String = "") -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? otherwise
    }

    /// Levenshtein distance between two scalar sequences.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
