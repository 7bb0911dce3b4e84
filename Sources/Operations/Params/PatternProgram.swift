/// A compiled pattern in the flat form the matcher runs: per instruction an operation and two
/// operands in plain arrays, and bit sets over instructions (64 per word) so a step of the NFA is a
/// few word operations: which instructions accept each class of scalars, which of them lead
/// straight to another thread (a shift by one), where a search restarts, and the match.
struct PatternProgram: Sendable {
    enum Operation: UInt8, Sendable {
        case consume, split, jump, lineStart, lineEnd, match
    }

    let operations: [Operation]
    /// The jump target, or a split's first branch.
    let first: [Int32]
    /// A split's second branch.
    let second: [Int32]
    let alphabet: PatternAlphabet
    /// Words in a bit set over instructions.
    let words: Int
    /// Per class, the consuming instructions that accept it (`class * words + instruction / 64`).
    let accepting: [UInt64]
    /// Consuming instructions whose next instruction is itself a thread (consuming or the match):
    /// advancing them is a shift by one bit, with no closure to walk.
    let chained: [UInt64]
    /// The match instruction.
    let match: [UInt64]

    init(_ program: [Pattern.Instruction]) {
        let alphabet = PatternAlphabet(program)
        let classWords = (alphabet.count + 63) / 64
        let words = (program.count + 63) / 64
        var operations: [Operation] = []
        var first: [Int32] = []
        var second: [Int32] = []
        var accepted = [UInt64](repeating: 0, count: program.count * classWords)
        for (pc, instruction) in program.enumerated() {
            var operation = Operation.consume
            var targets: (Int, Int) = (0, 0)
            switch instruction {
            case .split(let a, let b):
                operation = .split
                targets = (a, b)
            case .jump(let target):
                operation = .jump
                targets = (target, 0)
            case .lineStart: operation = .lineStart
            case .lineEnd: operation = .lineEnd
            case .match: operation = .match
            case .scalar(let scalar):
                let index = alphabet.classIndex(of: scalar.value)
                Self.setBits(&accepted, row: pc * classWords, index...index)
            case .any:
                Self.setBits(&accepted, row: pc * classWords, 0...alphabet.count - 1)
                let newline = alphabet.classIndex(of: 10)
                accepted[pc * classWords + newline >> 6] &= ~(1 << UInt64(newline & 63))
            case .set(let set):
                for range in set.ranges {
                    let classes = alphabet.classIndex(of: range.lowerBound)...alphabet.classIndex(of: range.upperBound)
                    Self.setBits(&accepted, row: pc * classWords, classes)
                }
                if set.isNegated {
                    for word in 0..<classWords { accepted[pc * classWords + word] = ~accepted[pc * classWords + word] }
                }
            }
            operations.append(operation)
            first.append(Int32(targets.0))
            second.append(Int32(targets.1))
        }
        // Transpose the per-instruction class bits into per-class instruction bits.
        var accepting = [UInt64](repeating: 0, count: alphabet.count * words)
        var chained = [UInt64](repeating: 0, count: words)
        var match = [UInt64](repeating: 0, count: words)
        for pc in 0..<program.count {
            let bit: UInt64 = 1 << UInt64(pc & 63)
            if operations[pc] == .match { match[pc >> 6] |= bit }
            guard operations[pc] == .consume else { continue }
            if pc + 1 < program.count, [.consume, .match].contains(operations[pc + 1]) { chained[pc >> 6] |= bit }
            for word in 0..<classWords {
                var classes = accepted[pc * classWords + word]
                while classes != 0 {
                    let index = word * 64 + classes.trailingZeroBitCount
                    classes &= classes - 1
                    if index < alphabet.count { accepting[index * words + pc >> 6] |= bit }
                }
            }
        }
        self.operations = operations
        self.first = first
        self.second = second
        self.alphabet = alphabet
        self.words = words
        self.accepting = accepting
        self.chained = chained
        self.match = match
    }

    var count: Int { operations.count }

    /// Sets the bits of `classes` in the row of words starting at `row`, a word at a time.
    private static func setBits(_ words: inout [UInt64], row: Int, _ classes: ClosedRange<Int>) {
        var index = classes.lowerBound
        while index <= classes.upperBound {
            let bit = index & 63
            let count = min(64 - bit, classes.upperBound - index + 1)
            let mask: UInt64 = count == 64 ? ~0 : ((1 << UInt64(count)) - 1) << UInt64(bit)
            words[row + index >> 6] |= mask
            index += count
        }
    }
}
