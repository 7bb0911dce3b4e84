import DBAPICore

/// The limits of one evaluation of a response-mapping expression.
public struct MappingLimits: Sendable, Equatable {
    /// Evaluation steps: one per expression node evaluated, per item a built-in or loop visits, and
    /// per 64 bytes of text it reads. About a second of work at most.
    public var steps = 10_000_000
    /// Items of all lists and dicts the evaluation builds, together.
    public var items = 1_000_000
    /// Bytes (UTF-8) of all strings the evaluation builds, together.
    public var bytes = 16 * 1_048_576
    /// Values in the data of all mapping keys together once written out, where a value built once
    /// but referenced many times (`[params['s']] * 1000`) counts each time.
    public var resultValues = 4_000_000
    /// Bytes of the strings in that data, counted the same way.
    public var resultBytes = 64 * 1_048_576

    /// The default limits, or others (tests use small ones).
    public init(
        steps: Int = 10_000_000, items: Int = 1_000_000, bytes: Int = 16 * 1_048_576, resultValues: Int = 4_000_000,
        resultBytes: Int = 64 * 1_048_576
    ) {
        self.steps = steps
        self.items = items
        self.bytes = bytes
        self.resultValues = resultValues
        self.resultBytes = resultBytes
    }
}

/// What one evaluation has used of its `MappingLimits`. Sizes are charged before anything is
/// allocated (a repetition, join or replace computes the size of its result first), so a mapping
/// can neither exhaust memory nor run for long: exceeding a limit is an error.
struct MappingBudget {
    let limits: MappingLimits
    private(set) var steps = 0
    private(set) var items = 0
    private(set) var bytes = 0

    init(_ limits: MappingLimits) { self.limits = limits }

    /// Charges `count` steps of work.
    mutating func step(_ count: Int = 1) throws(MappingError) {
        steps += count
        guard steps <= limits.steps else { throw .tooManySteps(limit: limits.steps) }
    }

    /// Charges reading `count` bytes of text (a step per 64 bytes, at least one).
    mutating func scan(bytes count: Int) throws(MappingError) {
        try step(1 + count / 64)
    }

    /// Charges `count` list or dict items about to be built (and a step per item).
    mutating func build(items count: Int) throws(MappingError) {
        guard count <= limits.items - items else { throw .tooLarge(limit: limits.items) }
        items += count
        try step(count)
    }

    /// Charges `count` bytes of text about to be built (and the steps to write them).
    mutating func build(bytes count: Int) throws(MappingError) {
        guard count <= limits.bytes - bytes else { throw .tooManyBytes(limit: limits.bytes) }
        bytes += count
        try scan(bytes: count)
    }

    /// The UTF-8 offsets of the non-overlapping occurrences of `part` in `text` (at most `limit`),
    /// the search's work charged as steps: stopped, not finished, when the steps run out.
    mutating func offsets(of part: String, in text: String, limit: Int = .max) throws(MappingError) -> [Int] {
        var search = ByteSearch(Array(part.utf8), limit: limits.steps - steps)
        let offsets = text.offsets(of: part, with: &search, limit: limit)
        try step(1 + search.cost)
        return offsets
    }

    /// Checks that `count` more bytes could still be built, without charging them (for results
    /// whose exact size is known only once built, bounded by `count`).
    func ensure(bytes count: Int) throws(MappingError) {
        guard count <= limits.bytes - bytes else { throw .tooManyBytes(limit: limits.bytes) }
    }
}
