/// Spark's `XORShiftRandom`, the generator behind `rand(seed)` and `randn(seed)`: a seed hashed with Scala's
/// MurmurHash3, xorshift steps for `next(bits)`, and `java.util.Random`'s `nextDouble` and `nextGaussian` on
/// top. Spark seeds each partition with `seed + partitionIndex`; the mock's tables are one partition.
struct XORShiftRandom {
    private var state: Int64
    private var nextGaussianValue: Double?

    init(seed: Int64) { state = Self.hashSeed(seed) }

    /// `java.util.Random.nextDouble`.
    mutating func nextDouble() -> Double {
        Double((Int64(next(26)) << 27) + Int64(next(27))) * 0x1.0p-53
    }

    /// `java.util.Random.nextGaussian` (Marsaglia's polar method, StrictMath's log and sqrt).
    mutating func nextGaussian() -> Double {
        if let pending = nextGaussianValue {
            nextGaussianValue = nil
            return pending
        }
        while true {
            let v1 = 2 * nextDouble() - 1
            let v2 = 2 * nextDouble() - 1
            let s = v1 * v1 + v2 * v2
            guard s < 1, s != 0 else { continue }
            let multiplier = (-2 * JavaMath.log(s) / s).squareRoot()
            nextGaussianValue = v2 * multiplier
            return v1 * multiplier
        }
    }

    private mutating func next(_ bits: Int) -> Int32 {
        var seed = state ^ (state << 21)
        seed ^= Int64(bitPattern: UInt64(bitPattern: seed) >> 35)
        seed ^= seed << 4
        state = seed
        return Int32(truncatingIfNeeded: seed & ((1 << Int64(bits)) - 1))
    }

    /// Two MurmurHash3 `bytesHash`es of the seed's big-endian bytes, as the low and high words.
    private static func hashSeed(_ seed: Int64) -> Int64 {
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: seed >> (56 - 8 * $0)) }
        let low = bytesHash(bytes, seed: 0x3c07_4a61)
        let high = bytesHash(bytes, seed: low)
        return Int64(Int32(bitPattern: high)) << 32 | Int64(low)
    }

    private static func bytesHash(_ data: [UInt8], seed: UInt32) -> UInt32 {
        var hash = seed
        var index = 0
        while data.count - index >= 4 {
            let word = UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16 | UInt32(data[index + 3]) << 24
            hash = mix(hash, word)
            index += 4
        }
        // Eight bytes leave no tail.
        hash ^= UInt32(data.count)
        hash ^= hash >> 16
        hash &*= 0x85eb_ca6b
        hash ^= hash >> 13
        hash &*= 0xc2b2_ae35
        return hash ^ (hash >> 16)
    }

    private static func mix(_ hash: UInt32, _ data: UInt32) -> UInt32 {
        var k = data &* 0xcc9e_2d51
        k = (k << 15) | (k >> 17)
        k &*= 0x1b87_3593
        var h = hash ^ k
        h = (h << 13) | (h >> 19)
        return h &* 5 &+ 0xe654_6b64
    }
}
