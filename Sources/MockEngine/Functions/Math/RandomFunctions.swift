import DBAPICore

/// `rand`/`random` (uniform in [0, 1)) and `randn` (standard normal), with Spark's numbers for a seed: each
/// call draws the next value of its own `XORShiftRandom`, row by row. Without a seed the seed is random.
/// `uuid()` is a random version 4 UUID per row, lower-case, as Spark's (whose seed is random too).
enum RandomFunctions {
    static let declarations: [ScalarDeclaration] = [
        generator(["rand", "random"], printedAs: "rand") { $0.nextDouble() },
        generator(["randn"], printedAs: "randn") { $0.nextGaussian() },
        ScalarDeclaration(names: ["uuid"], arity: 0...0) { _ throws(EngineError) in
            CompiledExpr(type: .string) { _, _ in .string(randomUUID()) }
        },
    ]

    /// `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx` from 122 random bits (`y` is 8, 9, a or b).
    static func randomUUID() -> String {
        let high = UInt64.random(in: .min ... .max) & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000
        let low = UInt64.random(in: .min ... .max) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        let hex = hexDigits(high, 16) + hexDigits(low, 16)
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20),
        ]
        return parts.joined(separator: "-")
    }

    private static func hexDigits(_ value: UInt64, _ count: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: count - digits.count) + digits
    }

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
