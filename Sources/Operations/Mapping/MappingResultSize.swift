/// The size of the mapped `data` once written out, across all mapping keys. A list built from
/// references (`[params['s']] * 1000`, a comprehension yielding the same row) is cheap to build but
/// expands when written, so the written size is bounded separately: the walk counts every
/// reference and stops as soon as a limit is passed, so it costs at most the limits themselves.
struct MappingResultSize {
    let limits: MappingLimits
    private(set) var values = 0
    private(set) var bytes = 0

    init(_ limits: MappingLimits) { self.limits = limits }

    /// Adds the written size of `value`.
    ///
    /// - Throws: `MappingError.resultTooLarge` once the values or bytes pass their limits.
    mutating func add(_ value: MappingValue) throws(MappingError) {
        values += 1
        guard values <= limits.resultValues else { throw .resultTooLarge(values: limits.resultValues, bytes: limits.resultBytes) }
        switch value {
        case .string(let text): try add(bytes: text.utf8.count)
        case .list(let items): for item in items { try add(item) }
        case .dict(let dict):
            for (key, item) in dict.entries {
                if case .string(let text) = key { try add(bytes: text.utf8.count) }
                try add(item)
            }
        default: break
        }
    }

    private mutating func add(bytes count: Int) throws(MappingError) {
        bytes += count
        guard bytes <= limits.resultBytes else { throw .resultTooLarge(values: limits.resultValues, bytes: limits.resultBytes) }
    }
}
