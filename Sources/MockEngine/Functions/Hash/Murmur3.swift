/// Spark's `Murmur3_x86_32`: 32-bit MurmurHash3 of ints, longs and bytes, with Spark's legacy tail (each byte
/// after the last whole word mixed in on its own, sign-extended) that `hash` keeps for compatibility.
enum Murmur3: SparkHashFunction {
    private static let c1: UInt32 = 0xcc9e_2d51
    private static let c2: UInt32 = 0x1b87_3593

    static func hashInt(_ value: Int32, seed: Int64) -> Int64 {
        finish(mix(UInt32(truncatingIfNeeded: seed), UInt32(bitPattern: value)), length: 4)
    }

    static func hashLong(_ value: Int64, seed: Int64) -> Int64 {
        let bits = UInt64(bitPattern: value)
        let low = mix(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: bits))
        return finish(mix(low, UInt32(truncatingIfNeeded: bits >> 32)), length: 8)
    }

    static func hashBytes(_ bytes: [UInt8], seed: Int64) -> Int64 {
        var hash = UInt32(truncatingIfNeeded: seed)
        let aligned = bytes.count - bytes.count % 4
        var index = 0
        while index < aligned {
            let word =
                UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
            hash = mix(hash, word)
            index += 4
        }
        for byte in bytes[aligned...] {
            hash = mix(hash, UInt32(bitPattern: Int32(Int8(bitPattern: byte))))
        }
        return finish(hash, length: bytes.count)
    }

    /// One round: `k` scrambled into `hash`.
    private static func mix(_ hash: UInt32, _ k: UInt32) -> UInt32 {
        var k1 = k &* c1
        k1 = (k1 << 15 | k1 >> 17) &* c2
        var h1 = hash ^ k1
        h1 = h1 << 13 | h1 >> 19
        return h1 &* 5 &+ 0xe654_6b64
    }

    /// The final avalanche, as a sign-extended INT.
    private static func finish(_ hash: UInt32, length: Int) -> Int64 {
        var h1 = hash ^ UInt32(truncatingIfNeeded: length)
        h1 ^= h1 >> 16
        h1 = h1 &* 0x85eb_ca6b
        h1 ^= h1 >> 13
        h1 = h1 &* 0xc2b2_ae35
        h1 ^= h1 >> 16
        return Int64(Int32(bitPattern: h1))
    }
}
