import DBAPICore

/// `space(n)`, `quote(s)` and `find_in_set(s, list)`: small strings built from, or looked up in, their
/// arguments.
enum StringBuilding {
    static let declarations: [ScalarDeclaration] = [
        .strict(["space"], .int, returns: .string) { count throws(EngineError) in
            let length = Int(max(0, count.integer))
            try StringLimits.checkResult(length, "space")
            return .string(String(repeating: " ", count: length))
        },
        .strict(["quote"], .string, returns: .string) { value in
            .string("'" + value.text.replacing(scalars: "'", with: "\\'") + "'")
        },
        .strict(["find_in_set"], .string, .string, returns: .int) { word, list in
            .int(Int64(findInSet(word.text, list.text)))
        },
    ]

    /// The 1-based position of `word` among the comma-separated items of `list`; 0 when absent or when
    /// `word` itself holds a comma.
    static func findInSet(_ word: String, _ list: String) -> Int {
        let target = Array(word.unicodeScalars)
        guard !target.contains(",") else { return 0 }
        let items = list.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        return (items.firstIndex { $0.elementsEqual(target) }).map { $0 + 1 } ?? 0
    }
}
