/// Why a pattern cannot be run: Java rejects it (`invalid`, Spark's INVALID_PARAMETER_VALUE.PATTERN) or
/// Java accepts it but the mock's linear-time matcher cannot run it exactly as Java does (`unsupported`).
enum RegexError: Error, Equatable {
    case invalid
    case unsupported(String)
}

/// Parses a Java (`java.util.regex.Pattern`) regular expression into a `RegexNode`. Flags `i`, `s`, `m`
/// and `x` are supported, inline and scoped; constructs whose Java semantics need backtracking
/// (backreferences, lookaround, atomic groups, possessive quantifiers) and a quantified sub-pattern
/// that can match the empty string (Java stops such a loop in its own way) are `unsupported`.
struct RegexParser {
    struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiline = false
        var comments = false
    }

    let scalars: [Unicode.Scalar]
    var position = 0
    var flags = Flags()
    private(set) var groupCount = 0
    private(set) var groupNames: [String: Int] = [:]
    /// Nesting depth of groups and classes, bounded so parsing never recurses without limit.
    var depth = 0
    static let maxDepth = 200

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    /// The whole pattern.
    mutating func parse() throws(RegexError) -> RegexNode {
        let node = try parseAlternation()
        guard position == scalars.count else { throw .invalid }  // an unmatched ')'
        return node
    }

    var isAtEnd: Bool { position >= scalars.count }

    /// The next scalar, skipping whitespace and `#` comments in COMMENTS mode.
    mutating func peek() -> Unicode.Scalar? {
        if flags.comments { skipComments() }
        return position < scalars.count ? scalars[position] : nil
    }

    mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek() else { return nil }
        position += 1
        return scalar
    }

    /// Consumes `scalar` when it comes next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private mutating func skipComments() {
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                position += 1
            } else if scalar == "#" {
                while position < scalars.count, !RegexCharSet.lineTerminators.contains(scalars[position]) { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func parseAlternation() throws(RegexError) -> RegexNode {
        var options = [try parseSequence()]
        while consume("|") { options.append(try parseSequence()) }
        return options.count == 1 ? options[0] : .alternate(options)
    }

    private mutating func parseSequence() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek(), scalar != "|", scalar != ")" {
            var quoted: [RegexNode] = []
            let atom: RegexNode
            if scalar == "\\", position + 1 < scalars.count, scalars[position + 1] == "Q" {
                position += 2
                quoted = quotedLiterals()
                guard let last = quoted.popLast() else { continue }
                atom = last
            } else {
                atom = try parseAtom()
            }
            items += quoted
            items.append(try parseQuantifier(atom))
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    /// The literals of `\Q…\E` (to `\E` or the end).
    private mutating func quotedLiterals() -> [RegexNode] {
        var literals: [RegexNode] = []
        while position < scalars.count {
            if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "E" {
                position += 2
                break
            }
            literals.append(literal(scalars[position].value))
            position += 1
        }
        return literals
    }

    /// One code point as a node, both ASCII cases under CASE_INSENSITIVE.
    func literal(_ value: UInt32) -> RegexNode {
        let set = RegexCharSet.single(value)
        return .set(flags.caseInsensitive ? set.foldingASCIICase() : set)
    }

    private mutating func parseAtom() throws(RegexError) -> RegexNode {
        guard let scalar = next() else { throw .invalid }
        switch scalar {
        case "(": return try parseGroup()
        case "[":
            let set = try parseClass()
            return .set(set)
        case ".": return .set(flags.dotAll ? RegexCharSet(isNegated: true) : RegexCharSet.lineTerminators.negated)
        case "^": return .assertion(flags.multiline ? .lineStart : .start)
        case "$": return .assertion(flags.multiline ? .lineEnd : .endBeforeFinalTerminator)
        case "\\": return try parseEscape()
        case "*", "+", "?", "{": throw .invalid  // a dangling quantifier
        default: return literal(scalar.value)
        }
    }

    private mutating func parseQuantifier(_ atom: RegexNode) throws(RegexError) -> RegexNode {
        var bounds: (Int, Int?)
        switch peek() {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{":
            position += 1
            bounds = try parseBraces()
        default: return atom
        }
        position += 1
        var greedy = true
        if position < scalars.count, scalars[position] == "?" {
            greedy = false
            position += 1
        } else if position < scalars.count, scalars[position] == "+" {
            throw .unsupported("possessive quantifiers")
        }
        let (low, high) = bounds
        if atom.isNullable, high != 1 {
            throw .unsupported("a repeated sub-pattern that can match the empty string")
        }
        return .repeated(atom, min: low, max: high, greedy: greedy)
    }

    /// `{n}`, `{n,}`, `{n,m}` after the `{`; leaves `position` on the `}`.
    private mutating func parseBraces() throws(RegexError) -> (Int, Int?) {
        guard let low = parseNumber() else { throw .invalid }
        var high: Int? = low
        if position < scalars.count, scalars[position] == "," {
            position += 1
            high = parseNumber()
        }
        guard position < scalars.count, scalars[position] == "}" else { throw .invalid }
        if let high, high < low { throw .invalid }
        return (low, high)
    }

    /// Decimal digits; nil when there are none or the number exceeds Java's int.
    private mutating func parseNumber() -> Int? {
        var value: Int?
        while position < scalars.count, let digit = asciiDigit(scalars[position]) {
            value = (value ?? 0) * 10 + digit
            guard let current = value, current <= Int(Int32.max) else { return nil }
            position += 1
        }
        return value
    }

    func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 48 && scalar.value <= 57 ? Int(scalar.value - 48) : nil
    }

    /// After `(`: a capturing, named, non-capturing or flag group.
    private mutating func parseGroup() throws(RegexError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw .unsupported("groups nested more than \(Self.maxDepth) deep") }
        let saved = flags
        var index: Int?
        if position < scalars.count, scalars[position] == "?" {
            position += 1
            guard position < scalars.count else { throw .invalid }
            let kind = scalars[position]
            position += 1
            switch kind {
            case ":": break
            case "=", "!": throw .unsupported("lookahead")
            case ">": throw .unsupported("atomic groups")
            case "<":
                if position < scalars.count, scalars[position] == "=" || scalars[position] == "!" {
                    throw .unsupported("lookbehind")
                }
                let name = try parseGroupName(">")
                guard groupNames[name] == nil else { throw .invalid }
                groupCount += 1
                groupNames[name] = groupCount
                index = groupCount
            default:
                position -= 1
                if try parseFlags() { return .empty }
            }
        } else {
            groupCount += 1
            index = groupCount
        }
        let inner = try parseAlternation()
        guard consume(")") else { throw .invalid }
        flags = saved
        return index.map { .group(inner, index: $0) } ?? inner
    }

    /// A group name (an ASCII letter, then letters and digits) and its closing `terminator`.
    mutating func parseGroupName(_ terminator: Unicode.Scalar) throws(RegexError) -> String {
        var name = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != terminator {
            let scalar = scalars[position]
            let isLetter = (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122
            guard isLetter || (!name.isEmpty && asciiDigit(scalar) != nil) else { throw .invalid }
            name.append(scalar)
            position += 1
        }
        guard position < scalars.count, !name.isEmpty else { throw .invalid }
        position += 1
        return String(name)
    }

    /// `i`, `s`, `m`, `x` on, `-` then off, ending in `)` (true: the flags hold to the end of the
    /// enclosing group, as `parseGroup` returns without restoring them) or `:` (false: a non-capturing group with the flags follows).
    private mutating func parseFlags() throws(RegexError) -> Bool {
        var on = true
        while position < scalars.count {
            let scalar = scalars[position]
            position += 1
            switch scalar {
            case "i": flags.caseInsensitive = on
            case "s": flags.dotAll = on
            case "m": flags.multiline = on
            case "x": flags.comments = on
            case "-": on = false
            case "u", "U", "d", "c": throw .unsupported("the regular expression flag (?\(scalar))")
            case ")": return true
            case ":": return false
            default: throw .invalid
            }
        }
        throw .invalid
    }
}
