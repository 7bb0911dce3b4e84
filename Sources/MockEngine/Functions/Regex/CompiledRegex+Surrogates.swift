/// Java matches UTF-16: a search may start, and an empty match may sit, between the two halves of a
/// character outside the Basic Multilingual Plane, where the mock's code-point matcher cannot follow.
/// These checks find the inputs where that changes Java's answer, so they fail as UNSUPPORTED_FEATURE.
extension CompiledRegex {
    /// The sets a match can consume first, with whether `\B` stands before them (the only assertion that
    /// holds inside a surrogate pair, where both neighbours are lone surrogates, not word characters).
    static func firstSets(_ program: RegexProgram) -> [(set: RegexCharSet, afterNotWordBoundary: Bool)] {
        var found: [(RegexCharSet, Bool)] = []
        var seen = Set<Int>()
        var stack = [(0, false)]
        while let (pc, afterNotWordBoundary) = stack.popLast() {
            guard seen.insert(2 * pc + (afterNotWordBoundary ? 1 : 0)).inserted else { continue }
            switch program.instructions[pc] {
            case .set(let index): found.append((program.sets[index], afterNotWordBoundary))
            case .split(let first, let second): stack += [(first, afterNotWordBoundary), (second, afterNotWordBoundary)]
            case .jump(let target): stack.append((target, afterNotWordBoundary))
            case .save: stack.append((pc + 1, afterNotWordBoundary))
            case .assertion(let assertion): stack.append((pc + 1, afterNotWordBoundary || assertion == .notWordBoundary))
            case .match: break
            }
        }
        return found
    }

    /// Throws unless Java's UTF-16 search over `input` finds what the code-point search finds: a search
    /// starting inside a surrogate pair must fail exactly when one starting at the pair does.
    func checkSurrogateStarts(_ input: [Unicode.Scalar]) throws(RegexError) {
        guard !hasSupplementaryLiteral, input.contains(where: { $0.value > 0xFFFF }) else { return }
        for scalar in Set(input) where scalar.value > 0xFFFF {
            let low = 0xDC00 + (scalar.value - 0x10000) & 0x3FF
            for (set, afterNotWordBoundary) in firstSets where set.contains(value: low) {
                if afterNotWordBoundary || !set.contains(scalar) {
                    throw .unsupported("patterns that can start inside a character outside the Basic Multilingual Plane")
                }
            }
        }
    }
}
