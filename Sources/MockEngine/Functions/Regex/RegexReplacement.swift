/// A `regexp_replace` replacement in Java's syntax (`Matcher.appendReplacement`): `$n` and `${name}`
/// insert a group, `\x` is `x` literally. Java parses it at each match, so a malformed replacement is an
/// error only once something matches.
struct RegexReplacement: Sendable {
    enum Piece: Sendable {
        case text(String)
        case group(Int)
    }

    /// The pieces, or nil when Java would throw (INVALID_REGEXP_REPLACE in Spark).
    let pieces: [Piece]?

    init(_ replacement: String, for regex: CompiledRegex) {
        pieces = Self.parse(Array(replacement.unicodeScalars), regex)
    }

    private static func parse(_ scalars: [Unicode.Scalar], _ regex: CompiledRegex) -> [Piece]? {
        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        var cursor = 0
        func digit(_ scalar: Unicode.Scalar) -> Int? { scalar.value >= 48 && scalar.value <= 57 ? Int(scalar.value - 48) : nil }
        while cursor < scalars.count {
            let scalar = scalars[cursor]
            cursor += 1
            if scalar == "\\" {
                guard cursor < scalars.count else { return nil }
                literal.append(scalars[cursor])
                cursor += 1
                continue
            }
            guard scalar == "$" else {
                literal.append(scalar)
                continue
            }
            guard cursor < scalars.count else { return nil }
            var group: Int
            if scalars[cursor] == "{" {
                cursor += 1
                var name = ""
                while cursor < scalars.count, scalars[cursor].isASCII,
                    scalars[cursor].properties.isAlphabetic || digit(scalars[cursor]) != nil
                {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                guard cursor < scalars.count, scalars[cursor] == "}", let index = regex.groupNames[name] else { return nil }
                cursor += 1
                group = index
            } else {
                guard let first = digit(scalars[cursor]) else { return nil }
                group = first
                cursor += 1
                while cursor < scalars.count, let more = digit(scalars[cursor]), group * 10 + more <= regex.groupCount {
                    group = group * 10 + more
                    cursor += 1
                }
                guard group <= regex.groupCount else { return nil }
            }
            if !literal.isEmpty { pieces.append(.text(String(literal))) }
            literal = String.UnicodeScalarView()
            pieces.append(.group(group))
        }
        if !literal.isEmpty { pieces.append(.text(String(literal))) }
        return pieces
    }
}
