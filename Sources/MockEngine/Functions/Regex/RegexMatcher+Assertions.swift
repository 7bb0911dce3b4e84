/// Java's zero-width assertions over the input (`^`, `$`, `\b` …), without UNIX_LINES.
extension RegexMatcher {
    /// Whether `assertion` holds at `position`; a word boundary next to a non-ASCII code point is
    /// `unsupported` (Java versions disagree on which of those are word characters).
    func holds(_ assertion: RegexAssertion, at position: Int, regionStart: Int) throws(RegexError) -> Bool {
        let count = inputCount
        switch assertion {
        case .start:
            return position == regionStart
        case .end:
            return position == count
        case .lineStart:
            // Java's MULTILINE `^` never matches at the end of the input, even after a line terminator.
            guard position < count else { return false }
            guard position > regionStart else { return true }
            let previous = scalar(position - 1)
            guard RegexCharSet.lineTerminators.contains(previous) else { return false }
            return !(previous == "\r" && scalar(position) == "\n")
        case .lineEnd:
            guard position < count else { return true }
            let following = scalar(position)
            if following == "\n", position > 0, scalar(position - 1) == "\r" { return false }
            return RegexCharSet.lineTerminators.contains(following)
        case .endBeforeFinalTerminator:
            if position == count { return true }
            if position == count - 2 { return scalar(position) == "\r" && scalar(position + 1) == "\n" }
            guard position == count - 1 else { return false }
            let following = scalar(position)
            if following == "\n" { return !(position > 0 && scalar(position - 1) == "\r") }
            return RegexCharSet.lineTerminators.contains(following)
        case .wordBoundary, .notWordBoundary:
            let before = position > regionStart ? try isWord(scalar(position - 1)) : false
            let after = position < count ? try isWord(scalar(position)) : false
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    private func isWord(_ scalar: Unicode.Scalar) throws(RegexError) -> Bool {
        guard scalar.isASCII else { throw .unsupported("\\b and \\B next to non-ASCII characters") }
        return RegexCharSet.word.contains(scalar)
    }
}
