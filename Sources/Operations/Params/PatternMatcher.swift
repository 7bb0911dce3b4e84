/// Runs a pattern's NFA over a value in one pass, as a DFA built while matching: a DFA state is
/// the set of NFA threads alive after a prefix of the value (a bit set over instructions), and its
/// transition on a class of scalars is computed the first time it is needed, then looked up.
///
/// A step advances every thread that accepts the scalar: threads whose next instruction is another
/// thread move by a one-bit shift of the whole set, the others walk their closure. So a new state
/// costs O(program / 64 + closures walked), a known one a table lookup. The cache is bounded; a
/// value that keeps producing new states (`a[ab]{100}` remembers the last hundred characters) fills
/// it, and the rest of the value runs as the same NFA step without caching. Either way time is at
/// most proportional to value length × program size, and memory stays small.
///
/// Search semantics: a new thread starts at every position (the closure of instruction 0 after the
/// start, `restart`). `^` holds only at position 0 and `$` only at the end, so a thread waiting at
/// `$` stays in the set until the value ends.
struct PatternMatcher {
    /// At most this many cached words (8 MB) of states and of transitions before the cache stops growing.
    static let cacheLimit = 1 << 20

    private let program: PatternProgram
    private let cacheLimit: Int
    /// Thread sets by state number, and the reverse.
    private var states: [[UInt64]] = []
    private var numbers: [[UInt64]: Int] = [:]
    private var accepts: [Bool] = []
    /// The next state by `state * classes + class`, -1 until computed.
    private var transitions: [Int] = []
    /// Instructions already visited in the current closure, by generation.
    private var marks: [Int]
    private var generation = 0
    private var stack: [Int32] = []
    private var restart: [UInt64]
    /// How many DFA states were built (the work matching did beyond table lookups).
    private(set) var statesBuilt = 0

    init(_ pattern: Pattern, cacheLimit: Int = Self.cacheLimit) {
        program = pattern.program
        self.cacheLimit = cacheLimit
        marks = Array(repeating: 0, count: program.count)
        restart = Array(repeating: 0, count: program.words)
        restart = closure(of: [0], atStart: false, atEnd: false)
    }

    /// Whether the pattern occurs anywhere in `text`.
    mutating func matches(_ text: String) -> Bool {
        let classes = program.alphabet.count
        var threads = closure(of: [0], atStart: true, atEnd: false)
        var scalars = text.unicodeScalars.makeIterator()
        guard var state = number(of: threads) else { return simulate(threads, rest: &scalars, atStart: true) }
        var isEmpty = true
        while let scalar = scalars.next() {
            isEmpty = false
            if accepts[state] { return true }
            let index = program.alphabet.classIndex(of: scalar.value)
            let next = transitions[state * classes + index]
            if next >= 0 {
                state = next
                continue
            }
            threads = step(states[state], class: index)
            guard let added = number(of: threads) else { return simulate(threads, rest: &scalars, atStart: false) }
            transitions[state * classes + index] = added
            state = added
        }
        return accepts[state] || acceptsAtEnd(states[state], atStart: isEmpty)
    }

    /// The NFA simulation of the rest of the value from `threads`, once the DFA cache is full
    /// (`atStart` when nothing has been read yet).
    private mutating func simulate(
        _ start: [UInt64], rest scalars: inout String.UnicodeScalarView.Iterator, atStart: Bool
    ) -> Bool {
        var threads = start
        var isStart = atStart
        while !intersects(threads, program.match) {
            guard let scalar = scalars.next() else { return acceptsAtEnd(threads, atStart: isStart) }
            isStart = false
            threads = step(threads, class: program.alphabet.classIndex(of: scalar.value))
        }
        return true
    }

    /// The threads after a scalar of class `index`, plus a thread starting there.
    private mutating func step(_ threads: [UInt64], class index: Int) -> [UInt64] {
        let words = program.words
        var next = restart
        var carry: UInt64 = 0
        generation += 1
        for word in 0..<words {
            let moving = threads[word] & program.accepting[index * words + word]
            let chained = moving & program.chained[word]
            next[word] |= chained << 1 | carry
            carry = chained >> 63
            var branching = moving & ~chained
            while branching != 0 {
                let pc = word * 64 + branching.trailingZeroBitCount
                branching &= branching - 1
                follow(Int32(pc + 1), atStart: false, atEnd: false, into: &next)
            }
        }
        return next
    }

    /// Whether a thread waiting at `$` reaches the match at the end of the value.
    private mutating func acceptsAtEnd(_ threads: [UInt64], atStart: Bool) -> Bool {
        var waiting: [Int32] = []
        for word in 0..<program.words {
            var bits = threads[word]
            while bits != 0 {
                let pc = word * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                if program.operations[pc] == .lineEnd { waiting.append(Int32(pc + 1)) }
            }
        }
        return intersects(closure(of: waiting, atStart: atStart, atEnd: true), program.match)
    }

    private func intersects(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        zip(a, b).contains { $0 & $1 != 0 }
    }

    /// The threads reachable from `starts` without consuming input.
    private mutating func closure(of starts: [Int32], atStart: Bool, atEnd: Bool) -> [UInt64] {
        generation += 1
        var threads = [UInt64](repeating: 0, count: program.words)
        for start in starts { follow(start, atStart: atStart, atEnd: atEnd, into: &threads) }
        return threads
    }

    /// Adds the threads reachable from `start` (in this generation) to `threads`, iteratively.
    private mutating func follow(_ start: Int32, atStart: Bool, atEnd: Bool, into threads: inout [UInt64]) {
        stack.append(start)
        while let pc = stack.popLast() {
            let index = Int(pc)
            guard index < program.count, marks[index] != generation else { continue }
            marks[index] = generation
            switch program.operations[index] {
            case .jump: stack.append(program.first[index])
            case .split:
                stack.append(program.second[index])
                stack.append(program.first[index])
            case .lineStart: if atStart { stack.append(pc + 1) }
            case .lineEnd: if atEnd { stack.append(pc + 1) } else { threads[index >> 6] |= 1 << UInt64(index & 63) }
            case .consume, .match: threads[index >> 6] |= 1 << UInt64(index & 63)
            }
        }
    }

    /// The state number of a thread set, adding it when new; nil when the cache is full.
    private mutating func number(of threads: [UInt64]) -> Int? {
        if let known = numbers[threads] { return known }
        let classes = program.alphabet.count
        guard (states.count + 1) * program.words <= cacheLimit, transitions.count + classes <= cacheLimit else { return nil }
        states.append(threads)
        numbers[threads] = states.count - 1
        accepts.append(intersects(threads, program.match))
        transitions.append(contentsOf: repeatElement(-1, count: classes))
        statesBuilt += 1
        return states.count - 1
    }
}
