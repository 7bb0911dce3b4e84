/// A compiled pattern: instructions for a Pike VM (Thompson's construction with captures), whose run
/// time is linear in the input for a fixed program, and the sets its instructions test.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one code point in `sets[index]`.
        case set(Int)
        /// Continue at both targets, the first preferred (it is the greedy or earlier choice).
        case split(Int, Int)
        case jump(Int)
        /// Record the current position in capture slot `index`.
        case save(Int)
        case assertion(RegexAssertion)
        case match
    }

    /// The most instructions a program may have (`a{100000}` is refused, not expanded without bound).
    static let maxInstructions = 20_000

    private(set) var instructions: [Instruction] = []
    private(set) var sets: [RegexCharSet] = []
    /// Capturing groups, group 0 (the whole match) not counted.
    let groupCount: Int

    /// Compiles `node` as group 0: `save 0, node, save 1, match`.
    init(_ node: RegexNode, groupCount: Int) throws(RegexError) {
        self.groupCount = groupCount
        try emit(.group(node, index: 0))
        try append(.match)
    }

    private mutating func append(_ instruction: Instruction) throws(RegexError) {
        guard instructions.count < Self.maxInstructions else {
            throw .unsupported("patterns that compile to more than \(Self.maxInstructions) instructions")
        }
        instructions.append(instruction)
    }

    /// Appends a placeholder to patch once its targets are known.
    private mutating func placeholder() throws(RegexError) -> Int {
        try append(.match)
        return instructions.count - 1
    }

    private mutating func emit(_ node: RegexNode) throws(RegexError) {
        switch node {
        case .empty: break
        case .set(let set):
            sets.append(set)
            try append(.set(sets.count - 1))
        case .concat(let parts):
            for part in parts { try emit(part) }
        case .alternate(let options):
            var exits: [Int] = []
            for (index, option) in options.enumerated() {
                if index == options.count - 1 {
                    try emit(option)
                    break
                }
                let split = try placeholder()
                try emit(option)
                exits.append(try placeholder())
                instructions[split] = .split(split + 1, instructions.count)
            }
            for exit in exits { instructions[exit] = .jump(instructions.count) }
        case let .group(inner, index):
            try append(.save(2 * index))
            try emit(inner)
            try append(.save(2 * index + 1))
        case let .repeated(inner, min, max, greedy):
            try emitRepeat(inner, min: min, max: max, greedy: greedy)
        case .assertion(let assertion):
            try append(.assertion(assertion))
        }
    }

    private mutating func emitRepeat(_ inner: RegexNode, min: Int, max: Int?, greedy: Bool) throws(RegexError) {
        for _ in 0..<min { try emit(inner) }
        guard let max else {
            let loop = try placeholder()
            try emit(inner)
            try append(.jump(loop))
            instructions[loop] = greedy ? .split(loop + 1, instructions.count) : .split(instructions.count, loop + 1)
            return
        }
        var skips: [Int] = []
        for _ in min..<max {
            skips.append(try placeholder())
            try emit(inner)
        }
        let end = instructions.count
        for skip in skips { instructions[skip] = greedy ? .split(skip + 1, end) : .split(end, skip + 1) }
    }
}
