/// A Java regular expression compiled for the mock's linear-time matcher, with Java's `Matcher.find`
/// iteration (after an empty match the next search starts one code point further).
struct CompiledRegex: Sendable {
    let program: RegexProgram
    /// Capturing groups (group 0, the whole match, not counted).
    var groupCount: Int { program.groupCount }
    let groupNames: [String: Int]
    let pattern: String

    init(_ pattern: String) throws(RegexError) {
        self.pattern = pattern
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        program = try RegexProgram(node, groupCount: parser.groupCount)
        groupNames = parser.groupNames
        firstSets = Self.firstSets(program)
        hasSupplementaryLiteral = pattern.unicodeScalars.contains { $0.value > 0xFFFF }
    }

    /// The sets a match can consume first (see `checkSurrogateStarts`).
    let firstSets: [(set: RegexCharSet, afterNotWordBoundary: Bool)]
    /// Java searches such a pattern by code point (its `StartS`), never from inside a surrogate pair.
    let hasSupplementaryLiteral: Bool

    /// One match: capture slots (start and end of each group, -1 where a group did not take part).
    struct Match {
        let slots: [Int]
        var start: Int { slots[0] }
        var end: Int { slots[1] }

        /// Group `index`'s bounds, nil when it did not take part.
        func range(_ index: Int) -> Range<Int>? {
            let (start, end) = (slots[2 * index], slots[2 * index + 1])
            return start >= 0 && end >= start ? start..<end : nil
        }
    }

    /// Every match in `input`, left to right, searching from `from` (the region start, as Spark's
    /// `regexp_replace` position sets it); `limit` stops early.
    func matches(in input: [Unicode.Scalar], from: Int = 0, limit: Int = .max) throws(RegexError) -> [Match] {
        try checkSurrogateStarts(input)
        var matcher = RegexMatcher(program, input)
        var found: [Match] = []
        var next = from
        while found.count < limit, next <= input.count, let slots = try matcher.firstMatch(from: next, regionStart: from) {
            let match = Match(slots: slots)
            found.append(match)
            if match.end == match.start, match.end < input.count, input[match.end].value > 0xFFFF, !hasSupplementaryLiteral {
                // Java's next search would start inside this surrogate pair.
                throw .unsupported("empty matches before a character outside the Basic Multilingual Plane")
            }
            next = match.end == match.start ? match.end + 1 : match.end
        }
        return found
    }

    /// Whether the pattern matches anywhere in `input`.
    func isFound(in input: [Unicode.Scalar]) throws(RegexError) -> Bool { try !matches(in: input, limit: 1).isEmpty }
}
