/// Character classes (`[^a-z\d]`, nested unions) and `\p{…}` properties.
extension RegexParser {
    /// After `[`: the class up to its `]`, folded for CASE_INSENSITIVE before any negation.
    mutating func parseClass() throws(RegexError) -> RegexCharSet {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw .unsupported("classes nested more than \(Self.maxDepth) deep") }
        let isNegated = consume("^")
        var set = RegexCharSet()
        var isEmpty = true
        while true {
            guard let scalar = peek() else { throw .invalid }
            position += 1
            switch scalar {
            case "]" where !isEmpty:
                if flags.caseInsensitive { set = set.foldingASCIICase() }
                set.isNegated = isNegated
                return set
            case "[":
                set.formUnion(try parseClass())
            case "&" where position < scalars.count && scalars[position] == "&":
                throw .unsupported("character class intersection (&&)")
            default:
                let low = try classMember(scalar)
                guard case .scalar(let first) = low else {
                    if case .set(let member) = low { set.formUnion(member) }
                    break
                }
                guard peek() == "-", position + 1 < scalars.count, scalars[position + 1] != "]" else {
                    set.ranges.append(first...first)
                    break
                }
                position += 1
                guard let endScalar = peek(), endScalar != "[" else { throw .invalid }
                position += 1
                guard case .scalar(let last) = try classMember(endScalar), first <= last else { throw .invalid }
                set.ranges.append(first...last)
            }
            isEmpty = false
        }
    }

    /// One class member starting with `scalar` (already consumed): a code point or a set.
    private mutating func classMember(_ scalar: Unicode.Scalar) throws(RegexError) -> Escape {
        guard scalar == "\\" else { return .scalar(scalar.value) }
        if position < scalars.count, scalars[position] == "Q" { throw .unsupported("\\Q inside a character class") }
        return try parseEscapeBody(inClass: true)
    }

    /// After `\p` or `\P`: `L`, `{Lu}`, `{IsL}`, `{Lower}` … (general categories and Java's POSIX classes,
    /// which are ASCII-only without UNICODE_CHARACTER_CLASS).
    mutating func parseProperty() throws(RegexError) -> RegexCharSet {
        guard position < scalars.count else { throw .invalid }
        var name: String
        if scalars[position] == "{" {
            guard let close = scalars[position...].firstIndex(of: "}") else { throw .invalid }
            name = String(String.UnicodeScalarView(scalars[(position + 1)..<close]))
            position = close + 1
        } else {
            name = String(scalars[position])
            position += 1
        }
        if let posix = Self.posixClasses[name] { return RegexCharSet(ranges: posix) }
        if name.hasPrefix("Is") { name.removeFirst(2) }
        if name.hasPrefix("gc=") { name.removeFirst(3) }
        guard let categories = Self.categories(name) else { throw .unsupported("the property \\p{\(name)}") }
        if flags.caseInsensitive { throw .unsupported("Unicode categories under CASE_INSENSITIVE") }
        return RegexCharSet(categories: categories)
    }

    private static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "Lower": [97...122], "Upper": [65...90], "ASCII": [0...127], "Alpha": [65...90, 97...122], "Digit": [48...57],
        "Alnum": [48...57, 65...90, 97...122], "Punct": [33...47, 58...64, 91...96, 123...126],
        "Graph": [33...126], "Print": [32...126], "Blank": [9...9, 32...32], "Cntrl": [0...31, 127...127],
        "XDigit": [48...57, 65...70, 97...102], "Space": [9...13, 32...32],
    ]

    /// The general categories a Java category name (`L`, `Lu`, `Nd` …) stands for.
    private static func categories(_ name: String) -> [Unicode.GeneralCategory]? {
        if name.count == 1 {
            let all = generalCategories.filter { $0.key.hasPrefix(name) }.map(\.value)
            return all.isEmpty ? nil : all
        }
        return generalCategories[name].map { [$0] }
    }

    private static let generalCategories: [String: Unicode.GeneralCategory] = [
        "Lu": .uppercaseLetter, "Ll": .lowercaseLetter, "Lt": .titlecaseLetter, "Lm": .modifierLetter, "Lo": .otherLetter,
        "Mn": .nonspacingMark, "Mc": .spacingMark, "Me": .enclosingMark, "Nd": .decimalNumber, "Nl": .letterNumber,
        "No": .otherNumber, "Pc": .connectorPunctuation, "Pd": .dashPunctuation, "Ps": .openPunctuation,
        "Pe": .closePunctuation, "Pi": .initialPunctuation, "Pf": .finalPunctuation, "Po": .otherPunctuation,
        "Sm": .mathSymbol, "Sc": .currencySymbol, "Sk": .modifierSymbol, "So": .otherSymbol, "Zs": .spaceSeparator,
        "Zl": .lineSeparator, "Zp": .paragraphSeparator, "Cc": .control, "Cf": .format, "Cs": .surrogate,
        "Co": .privateUse, "Cn": .unassigned,
    ]
}
