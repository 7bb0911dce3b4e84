import DBAPICore

/// `rand`/`random` (uniform in [0, 1)) and `randn` (standard normal), with Spark's numbers for a seed: each
/// call draws the next value of its own `XORShiftRandom`, row by row. Without a seed the seed is random.
enum RandomFunctions {
    static let declarations: [ScalarDeclaration] = [
        generator(["rand", "random"], printedAs: "rand") { $0.nextDouble() },
        generator(["randn"], printedAs: "randn") { $0.nextGaussian() },
    ]

    private static func generator(
        _ names: [String], printedAs printed: String, _ draw: @escaping @Sendable (inout XORShiftRandom) -> Double
    ) -> ScalarDeclaration {
        ScalarDeclaration(names: names, arity: 0...1, printer: { _, arguments in "\(printed)(\(arguments.joined()))" }) {
            call throws(EngineError) in
            var seed = Int64.random(in: Int64.min...Int64.max)
            if call.count == 1 {
                switch (call.constant(0), call.type(0)) {
                case (.int(let value)?, .int), (.int(let value)?, .bigint): seed = value
                case (.null?, _): seed = 0
                default:
                    throw call.mismatch("the seed of \(call.name) must be an INT or BIGINT constant")
                }
            }
            let generator = LockedBox(XORShiftRandom(seed: seed))
            return CompiledExpr(type: .double) { _, _ in .double(generator.withLock { draw(&$0) }) }
        }
    }
}
