import DBAPICore

/// A regular expression for `pattern` constraints, matched in linear time (a Thompson NFA run as a
/// Pike VM), so no parameter value can make matching blow up, and no ICU start-up cost is paid.
///
/// Syntax: literals, `.`, classes `[a-z_]` / `[^…]`, escapes `\d \w \s \D \W \S` and escaped
/// punctuation, anchors `^ $`, groups `( )` / `(?: )`, alternation `|`, quantifiers `* + ? {n} {n,}
/// {n,m}` (a trailing `?` for laziness is accepted; it does not change whether a string matches).
/// JSON Schema semantics: the pattern is searched anywhere in the value unless anchored.
///
///     try Pattern("^[A-Z0-9-]{1,32}$").matches("KIT-1001") == true
public struct Pattern: Sendable {
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at offset \(offset)" }
    }

    enum Instruction: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case any
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    public let source: String
    let program: [Instruction]

    /// The largest program a pattern may compile to (counted repetition is expanded).
    static let maxInstructions = 20_000

    public init(_ source: String) throws(SyntaxError) {
        self.source = source
        var compiler = PatternCompiler(Array(source.unicodeScalars))
        program = try compiler.compile()
    }

    /// Whether the pattern occurs anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var current: [Int] = []
        var next: [Int] = []
        var onList = [Int](repeating: -1, count: program.count)
        for position in 0...scalars.count {
            addThread(0, at: position, count: scalars.count, to: &current, marks: &onList, generation: position)
            for pc in current where program[pc] == .match { return true }
            guard position < scalars.count else { break }
            let scalar = scalars[position]
            next.removeAll(keepingCapacity: true)
            for pc in current {
                let advances: Bool
                switch program[pc] {
                case .scalar(let expected): advances = scalar == expected
                case .any: advances = scalar != "\n"
                case .set(let set): advances = set.contains(scalar)
                default: advances = false
                }
                if advances {
                    addThread(pc + 1, at: position + 1, count: scalars.count, to: &next, marks: &onList, generation: position + 1)
                }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds `pc` and everything reachable from it without consuming input (iteratively).
    private func addThread(_ start: Int, at position: Int, count: Int, to list: inout [Int], marks: inout [Int], generation: Int) {
        var stack = [start]
        while let pc = stack.popLast() {
            guard pc < program.count, marks[pc] != generation else { continue }
            marks[pc] = generation
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case let .split(first, second): stack.append(contentsOf: [second, first])
            case .lineStart: if position == 0 { stack.append(pc + 1) }
            case .lineEnd: if position == count { stack.append(pc + 1) }
            default: list.append(pc)
            }
        }
    }
}

/// A set of scalars: ranges, optionally negated.
struct ScalarSet: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>] = []
    var isNegated = false

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains { $0.contains(scalar.value) } != isNegated
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
        guard program.count <= Pattern.maxInstructions else { throw error("pattern too large") }
        return program
    }

    private func error(_ message: String) -> Pattern.SyntaxError { Pattern.SyntaxError(message: message, offset: index) }

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
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        var result = branches.removeLast()
        while let branch = branches.popLast() {
            // split L1, L2; L1: branch; jump end; L2: result
            let first = Self.shifted(branch, by: 1)
            let second = Self.shifted(result, by: branch.count + 2)
            result = [.split(1, branch.count + 2)] + first + [.jump(branch.count + 2 + result.count)] + second
        }
        return result
    }

    private mutating func parseSequence() throws(Pattern.SyntaxError) -> Fragment {
        var sequence: Fragment = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atom = try parseAtom()
            sequence += Self.shifted(try parseQuantifier(atom), by: sequence.count)
            guard sequence.count <= Pattern.maxInstructions else { throw error("pattern too large") }
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
        guard minimum <= 1_000, (maximum ?? 0) <= 1_000 else { throw error("repetition count too large") }
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
        guard result.count <= Pattern.maxInstructions else { throw error("pattern too large") }
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
            return digits.isEmpty ? nil : Int(digits.prefix(6))
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
                return set
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
