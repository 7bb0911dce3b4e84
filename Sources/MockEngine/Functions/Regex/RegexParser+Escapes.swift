/// Escapes (`\d`, `\x41`, `\p{Lu}`, `\b` …) and character classes (`[a-z&&…]`) in Java's syntax.
extension RegexParser {
    /// What an escape stands for: one code point, a set, or (outside classes) an assertion.
    enum Escape {
        case scalar(UInt32)
        case set(RegexCharSet)
        case assertion(RegexAssertion)
    }

    /// After a `\` outside a class.
    mutating func parseEscape() throws(RegexError) -> RegexNode {
        switch try parseEscapeBody(inClass: false) {
        case .scalar(let value): return literal(value)
        case .set(let set): return .set(flags.caseInsensitive ? set.foldingASCIICase() : set)
        case .assertion(let assertion): return .assertion(assertion)
        }
    }

    mutating func parseEscapeBody(inClass: Bool) throws(RegexError) -> Escape {
        guard position < scalars.count else { throw .invalid }
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "t": return .scalar(9)
        case "n": return .scalar(10)
        case "r": return .scalar(13)
        case "f": return .scalar(12)
        case "a": return .scalar(7)
        case "e": return .scalar(27)
        case "0": return .scalar(try parseOctal())
        case "x": return .scalar(try parseHex())
        case "u": return .scalar(try parseUnicodeEscape())
        case "c":
            guard position < scalars.count else { throw .invalid }
            position += 1
            return .scalar(scalars[position - 1].value ^ 64)
        case "d": return .set(.digit)
        case "D": return .set(RegexCharSet.digit.negated)
        case "w": return .set(.word)
        case "W": return .set(RegexCharSet.word.negated)
        case "s": return .set(.space)
        case "S": return .set(RegexCharSet.space.negated)
        case "h": return .set(.horizontalSpace)
        case "H": return .set(RegexCharSet.horizontalSpace.negated)
        case "v": return .set(.verticalSpace)
        case "V": return .set(RegexCharSet.verticalSpace.negated)
        case "p", "P":
            let set = try parseProperty()
            return .set(scalar == "P" ? set.negated : set)
        case "b" where !inClass:
            if position < scalars.count, scalars[position] == "{" { throw .unsupported("\\b{g}") }
            return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.start)
        case "z" where !inClass: return .assertion(.end)
        case "Z" where !inClass: return .assertion(.endBeforeFinalTerminator)
        case "G" where !inClass: throw .unsupported("\\G")
        case "R" where !inClass, "X" where !inClass, "N": throw .unsupported("\\\(scalar)")
        case "k" where !inClass:
            guard position < scalars.count, scalars[position] == "<" else { throw .invalid }
            position += 1
            guard groupNames[try parseGroupName(">")] != nil else { throw .invalid }
            throw .unsupported("backreferences")
        default:
            if asciiDigit(scalar) != nil {
                if inClass { throw .invalid }
                throw .unsupported("backreferences")
            }
            let isASCIILetter = (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122
            if isASCIILetter { throw .invalid }  // Java reserves every escaped letter it does not define
            return .scalar(scalar.value)
        }
    }

    /// `\0n`, `\0nn`, `\0mnn` (m at most 3), after the `0`.
    private mutating func parseOctal() throws(RegexError) -> UInt32 {
        var value: UInt32 = 0
        var count = 0
        while count < 3, position < scalars.count, let digit = asciiDigit(scalars[position]), digit < 8 {
            if count == 2, value > 0o37 { break }
            value = value * 8 + UInt32(digit)
            count += 1
            position += 1
        }
        guard count > 0 else { throw .invalid }
        return value
    }

    /// `\xhh` or `\x{h…}`, after the `x`.
    private mutating func parseHex() throws(RegexError) -> UInt32 {
        if position < scalars.count, scalars[position] == "{" {
            position += 1
            var value: UInt32 = 0
            var count = 0
            while position < scalars.count, let digit = hexDigit(scalars[position]) {
                value = value &* 16 &+ digit
                count += 1
                guard value <= 0x10FFFF, count <= 8 else { throw .invalid }
                position += 1
            }
            guard count > 0, position < scalars.count, scalars[position] == "}" else { throw .invalid }
            position += 1
            return try checkedScalar(value)
        }
        return try hexDigits(2)
    }

    /// `\uhhhh` after the `u`; a surrogate pair written as two escapes is one code point.
    private mutating func parseUnicodeEscape() throws(RegexError) -> UInt32 {
        let value = try hexDigits(4)
        if (0xD800...0xDBFF).contains(value), position + 1 < scalars.count, scalars[position] == "\\", scalars[position + 1] == "u" {
            let saved = position
            position += 2
            let low = try hexDigits(4)
            if (0xDC00...0xDFFF).contains(low) { return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00) }
            position = saved
        }
        return try checkedScalar(value)
    }

    private mutating func hexDigits(_ count: Int) throws(RegexError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard position < scalars.count, let digit = hexDigit(scalars[position]) else { throw .invalid }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 48...57: scalar.value - 48
        case 65...70: scalar.value - 55
        case 97...102: scalar.value - 87
        default: nil
        }
    }

    /// A code point the matcher can compare (a lone surrogate cannot occur in the mock's strings).
    private func checkedScalar(_ value: UInt32) throws(RegexError) -> UInt32 {
        guard Unicode.Scalar(value) != nil else { throw .unsupported("lone surrogate code units in a pattern") }
        return value
    }
}
