/// Java's zero-width assertions over the input (`^`, `$`, `\b` …), without UNIX_LINES.
extension RegexMatcher {
    /// Whether `assertion` holds at `position`. Word boundaries follow Java 17, whose word characters
    /// for `\b` are Unicode letters and digits (Java 19 and later use `\w`'s ASCII set).
    func holds(_ assertion: RegexAssertion, at position: Int, regionStart: Int) -> Bool {
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
            let before = position > regionStart && isWord(at: position - 1, regionStart: regionStart)
            let after = position < count && isWord(at: position, regionStart: regionStart)
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// Java 17's `\b` word character: a letter, a digit or `_`, or a non-spacing mark on such a base.
    private func isWord(at index: Int, regionStart: Int) -> Bool {
        let character = scalar(index)
        if Self.isLetterOrDigit(character) || character == "_" { return true }
        guard character.properties.generalCategory == .nonspacingMark else { return false }
        var base = index
        while base >= regionStart {
            let candidate = scalar(base)
            if Self.isLetterOrDigit(candidate) { return true }
            guard candidate.properties.generalCategory == .nonspacingMark else { return false }
            base -= 1
        }
        return false
    }

    /// Java's Character.isLetterOrDigit.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return RegexCharSet.word.contains(scalar) && scalar != "_" }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }
}
