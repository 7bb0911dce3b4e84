extension String {
    /// The parts between occurrences of `separator`, matched by Unicode scalar (code point), not by
    /// Swift's canonical equivalence, as Spark and Python compare text. An empty separator gives `[self]`.
    public func split(byScalars separator: String) -> [String] {
        let scalars = Array(unicodeScalars)
        let pattern = Array(separator.unicodeScalars)
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return [self] }
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, scalars[index..<index + pattern.count].elementsEqual(pattern) {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                index += pattern.count
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        parts.append(String(current))
        return parts
    }

    /// Every occurrence of `old` (by code point) replaced with `new`; an empty `old` changes nothing.
    public func replacing(scalars old: String, with new: String) -> String {
        split(byScalars: old).joined(separator: new)
    }
}
