/// Runs a `RegexProgram` over code points as a Pike VM: every thread advances in lock step, at most one
/// per instruction, kept in priority order, so the first thread to match is the match Java's
/// backtracking finds, in O(input × program) time and O(program × groups) memory.
struct RegexMatcher {
    private let program: RegexProgram
    private let input: [Unicode.Scalar]
    /// Steps left before the search gives up (UNSUPPORTED_FEATURE), so no row can run unboundedly long.
    private var budget: Int
    static let maxSteps = 1 << 26

    private struct Thread {
        var pc: Int
        var captures: [Int]
    }

    /// Per instruction, the stamp of the step that last added a thread there; a stamp is
    /// `stampBase + position`, and `stampBase` moves past every stamp used so far with each search.
    private var visited: [Int]
    private var stampBase = 0

    init(_ program: RegexProgram, _ input: [Unicode.Scalar], budget: Int = maxSteps) {
        self.program = program
        self.input = input
        self.budget = budget
        visited = [Int](repeating: -1, count: program.instructions.count)
    }

    /// The capture slots (start, end per group, -1 where a group did not take part) of the leftmost match
    /// starting at or after `from`; `regionStart` is where `^`, `\A` and `\b` see the input begin.
    mutating func firstMatch(from: Int, regionStart: Int) throws(RegexError) -> [Int]? {
        let slots = 2 * (program.groupCount + 1)
        var current: [Thread] = []
        var next: [Thread] = []
        var matched: [Int]?
        var position = from
        while true {
            if matched == nil {
                try addThread(&current, Thread(pc: 0, captures: [Int](repeating: -1, count: slots)), position, regionStart)
            }
            if current.isEmpty, matched != nil { break }
            threads: for thread in current {
                budget -= 1
                guard budget > 0 else { throw .unsupported("regular expressions that take this long on one value") }
                switch program.instructions[thread.pc] {
                case .set(let index):
                    if position < input.count, program.sets[index].contains(input[position]) {
                        try addThread(&next, Thread(pc: thread.pc + 1, captures: thread.captures), position + 1, regionStart)
                    }
                case .match:
                    matched = thread.captures
                    break threads  // lower-priority threads lose
                default: break
                }
            }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
            if position >= input.count { break }
            position += 1
        }
        stampBase += input.count + 1
        return matched
    }

    var inputCount: Int { input.count }

    func scalar(_ index: Int) -> Unicode.Scalar { input[index] }

    /// Adds `thread` and everything reachable from it without consuming input, in priority order.
    private mutating func addThread(
        _ list: inout [Thread], _ thread: Thread, _ position: Int, _ regionStart: Int
    ) throws(RegexError) {
        var stack = [thread]
        let stamp = stampBase + position
        while var thread = stack.popLast() {
            guard visited[thread.pc] != stamp else { continue }
            visited[thread.pc] = stamp
            budget -= 1
            guard budget > 0 else { throw .unsupported("regular expressions that take this long on one value") }
            switch program.instructions[thread.pc] {
            case .jump(let target):
                thread.pc = target
                stack.append(thread)
            case let .split(first, second):
                stack.append(Thread(pc: second, captures: thread.captures))
                thread.pc = first
                stack.append(thread)
            case .save(let slot):
                thread.captures[slot] = position
                thread.pc += 1
                stack.append(thread)
            case .assertion(let assertion):
                if holds(assertion, at: position, regionStart: regionStart) {
                    thread.pc += 1
                    stack.append(thread)
                }
            case .set, .match:
                list.append(thread)
            }
        }
    }
}
