import DBAPICore

/// A set of scalars: ranges, optionally negated.
struct ScalarSet: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>] = []
    var isNegated = false

    /// Whether the scalar value is in the set; `ranges` must be `normalized` (binary search).
    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return (low < ranges.count && ranges[low].contains(value)) != isNegated
    }

    /// The same set with its ranges sorted and merged.
    var normalized: ScalarSet {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return ScalarSet(ranges: merged, isNegated: isNegated)
    }

    static let digits = ScalarSet(ranges: [48...57])
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = ScalarSet(ranges: [9...13, 32...32])
}

/// Recursive-descent compiler from pattern text to NFA instructions.
///
///     alternation := sequence {'|' sequence}
///     sequence    := {atom [quantifier]}
///     atom        := literal | '.' | class | escape | '^' | '$' | '(' ['?:'] alternation ')'
struct PatternCompiler {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// A fragment of program with jump targets relative to its own start.
    typealias Fragment = [Pattern.Instruction]

    mutating func compile() throws(Pattern.SyntaxError) -> [Pattern.Instruction] {
        var program = try parseAlternation()
        guard index == scalars.count else { throw error("unbalanced ')'") }
        program.append(.match)
        guard program.count <= Pattern.maxInstructions else { throw tooLarge }
        return program
    }

    private func error(_ message: String) -> Pattern.SyntaxError { Pattern.SyntaxError(message: message, offset: index) }

    private var tooLarge: Pattern.SyntaxError {
        error("pattern too large (more than \(Pattern.maxInstructions) instructions once repetition is expanded)")
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private static func shifted(_ fragment: Fragment, by offset: Int) -> Fragment {
        fragment.map { instruction in
            switch instruction {
            case .jump(let target): .jump(target + offset)
            case let .split(a, b): .split(a + offset, b + offset)
            default: instruction
            }
        }
    }

    private mutating func parseAlternation() throws(Pattern.SyntaxError) -> Fragment {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100 else { throw error("pattern nested too deeply") }
        var branches = [try parseSequence()]
        var size = branches[0].count
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
            size += branches[branches.count - 1].count + 2
            guard size <= Pattern.maxInstructions else { throw tooLarge }
        }
        if branches.count > 1, let set = Self.singleScalarUnion(branches) { return [.set(set)] }
        var result = branches.removeLast()
        while let branch = branches.popLast() {
            // split L1, L2; L1: branch; jump end; L2: result
            let first = Self.shifted(branch, by: 1)
            let second = Self.shifted(result, by: branch.count + 2)
            result = [.split(1, branch.count + 2)] + first + [.jump(branch.count + 2 + result.count)] + second
        }
        return result
    }

    /// `a|b|[0-9]` as one class `[ab0-9]`, so it is a single step for the matcher (nil unless every
    /// branch is one literal or one non-negated class).
    private static func singleScalarUnion(_ branches: [Fragment]) -> ScalarSet? {
        var union = ScalarSet()
        for branch in branches {
            switch branch.first {
            case .scalar(let scalar)? where branch.count == 1: union.ranges.append(scalar.value...scalar.value)
            case .set(let set)? where branch.count == 1 && !set.isNegated: union.ranges += set.ranges
            default: return nil
            }
        }
        return union.normalized
    }

    private mutating func parseSequence() throws(Pattern.SyntaxError) -> Fragment {
        var sequence: Fragment = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atom = try parseAtom()
            sequence += Self.shifted(try parseQuantifier(atom), by: sequence.count)
            guard sequence.count <= Pattern.maxInstructions else { throw tooLarge }
        }
        return sequence
    }

    private mutating func parseQuantifier(_ atom: Fragment) throws(Pattern.SyntaxError) -> Fragment {
        guard let scalar = current else { return atom }
        var minimum = 0
        var maximum: Int?
        switch scalar {
        case "*": maximum = nil
        case "+": minimum = 1
        case "?": maximum = 1
        case "{":
            guard let (low, high) = try parseBraces() else { return atom }
            minimum = low
            maximum = high
            index -= 1
        default: return atom
        }
        index += 1
        if current == "?" { index += 1 }  // lazy: same language
        guard minimum <= Pattern.maxRepetition, (maximum ?? 0) <= Pattern.maxRepetition else {
            throw error("repetition count too large")
        }
        // Checked before expanding, so `(a{1000}){1000}` is refused without building a million copies.
        let size =
            maximum.map { atom.count * minimum + (max($0, minimum) - minimum) * (atom.count + 1) } ?? atom.count * (minimum + 1) + 2
        guard size <= Pattern.maxInstructions else { throw tooLarge }
        var result: Fragment = []
        for _ in 0..<minimum { result += Self.shifted(atom, by: result.count) }
        if let maximum {
            for _ in minimum..<max(maximum, minimum) {
                // split over an optional copy
                let body = Self.shifted(atom, by: result.count + 1)
                result += [.split(result.count + 1, result.count + 1 + atom.count)] + body
            }
        } else {
            // L: split body, out; body; jump L
            let start = result.count
            let body = Self.shifted(atom, by: start + 1)
            result += [.split(start + 1, start + atom.count + 2)] + body + [.jump(start)]
        }
        return result
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (literal brace) when it is not a valid quantifier.
    private mutating func parseBraces() throws(Pattern.SyntaxError) -> (Int, Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var digits = ""
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                digits.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            return digits.isEmpty ? nil : (digits.count > 9 ? Int.max : Int(digits))
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        if let high, high < low { throw error("bad repetition range {\(low),\(high)}") }
        index = cursor + 1
        return (low, high)
    }

    private mutating func parseAtom() throws(Pattern.SyntaxError) -> Fragment {
        guard let scalar = current else { throw error("unexpected end") }
        index += 1
        switch scalar {
        case ".": return [.any]
        case "^": return [.lineStart]
        case "$": return [.lineEnd]
        case "[": return [.set(try parseClass())]
        case "\\": return [try parseEscape(inClass: false)]
        case "(":
            if current == "?" {
                guard index + 1 < scalars.count, scalars[index + 1] == ":" else {
                    throw error("unsupported group syntax (lookarounds and named groups are not supported)")
                }
                index += 2
            }
            let inner = try parseAlternation()
            guard current == ")" else { throw error("missing ')'") }
            index += 1
            return inner
        case "*", "+", "?": throw error("nothing to repeat")
        case "{":
            index -= 1
            if (try parseBraces()) != nil { throw error("nothing to repeat") }
            index += 1
            return [.scalar("{")]
        default: return [.scalar(scalar)]
        }
    }

    private mutating func parseEscape(inClass: Bool) throws(Pattern.SyntaxError) -> Pattern.Instruction {
        guard let escaped = current else { throw error("trailing backslash") }
        index += 1
        switch escaped {
        case "d": return .set(.digits)
        case "D": return .set(ScalarSet(ranges: ScalarSet.digits.ranges, isNegated: true))
        case "w": return .set(.word)
        case "W": return .set(ScalarSet(ranges: ScalarSet.word.ranges, isNegated: true))
        case "s": return .set(.space)
        case "S": return .set(ScalarSet(ranges: ScalarSet.space.ranges, isNegated: true))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case _ where escaped.properties.isAlphabetic || ("0"..."9").contains(escaped):
            throw error("unsupported escape \\\(escaped)")
        default: return .scalar(escaped)
        }
    }

    private mutating func parseClass() throws(Pattern.SyntaxError) -> ScalarSet {
        var set = ScalarSet()
        if current == "^" {
            set.isNegated = true
            index += 1
        }
        var first = true
        while true {
            guard let scalar = current else { throw error("missing ']'") }
            if scalar == "]", !first {
                index += 1
                return set.normalized
            }
            first = false
            index += 1
            var low: UInt32
            if scalar == "\\" {
                switch try parseEscape(inClass: true) {
                case .scalar(let value): low = value.value
                case .set(let inner):
                    guard !inner.isNegated else { throw error("negated shorthand classes inside [] are not supported") }
                    set.ranges += inner.ranges
                    continue
                default: continue
                }
            } else {
                low = scalar.value
            }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard var high = current?.value else { throw error("missing ']'") }
                index += 1
                if high == 92, let next = current {  // escaped range end
                    high = next.value
                    index += 1
                }
                guard low <= high else { throw error("bad class range") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }
}
