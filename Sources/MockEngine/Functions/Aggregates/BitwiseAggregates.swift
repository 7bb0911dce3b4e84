import DBAPICore

/// bit_and, bit_or, bit_xor: the bitwise fold of an integral column's non-NULL values, in its own type
/// (NULL when there are none).
enum BitwiseAggregates {
    static let declarations: [AggregateDeclaration] = [
        fold("bit_and", &),
        fold("bit_or", |),
        fold("bit_xor", ^),
    ]

    private static func fold(_ name: String, _ combine: @escaping @Sendable (Int64, Int64) -> Int64) -> AggregateDeclaration {
        AggregateDeclaration(names: [name], arity: 1...1) { arguments throws(EngineError) in
            let type = arguments.types[0]
            guard type.isIntegral || type == .null else { throw arguments.unexpectedType(0, requires: "\"INTEGRAL\"") }
            return AggregateResolution(resultType: type == .null ? .int : type) { BitwiseFold(combine: combine) }
        }
    }
}

/// The running fold; a value sign-extended to 64 bits stays in its type's range under and, or and xor.
private struct BitwiseFold: AggregateKernel {
    let combine: @Sendable (Int64, Int64) -> Int64
    var folded: Int64?

    mutating func add(_ arguments: Row) throws(EngineError) {
        guard case .int(let value) = arguments[0] else { return }
        folded = folded.map { combine($0, value) } ?? value
    }

    func result() throws(EngineError) -> SQLValue { folded.map { .int($0) } ?? .null }
}
