/// XXH64, the 64-bit xxHash that Spark's `xxhash64` computes (`XXH64`): ints and longs hash as their 4 and
/// 8 little-endian bytes.
enum XXHash64: SparkHashFunction {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func hashInt(_ value: Int32, seed: Int64) -> Int64 {
        hashBytes(withUnsafeBytes(of: value.littleEndian, Array.init), seed: seed)
    }

    static func hashLong(_ value: Int64, seed: Int64) -> Int64 {
        hashBytes(withUnsafeBytes(of: value.littleEndian, Array.init), seed: seed)
    }

    static func hashBytes(_ bytes: [UInt8], seed: Int64) -> Int64 {
        let start = UInt64(bitPattern: seed)
        var index = 0
        var hash: UInt64
        if bytes.count >= 32 {
            var lanes = (start &+ prime1 &+ prime2, start &+ prime2, start, start &- prime1)
            while index + 32 <= bytes.count {
                lanes.0 = round(lanes.0, word(bytes, index))
                lanes.1 = round(lanes.1, word(bytes, index + 8))
                lanes.2 = round(lanes.2, word(bytes, index + 16))
                lanes.3 = round(lanes.3, word(bytes, index + 24))
                index += 32
            }
            hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
            for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
                hash = (hash ^ round(0, lane)) &* prime1 &+ prime4
            }
        } else {
            hash = start &+ prime5
        }
        hash &+= UInt64(bytes.count)
        while index + 8 <= bytes.count {
            hash ^= round(0, word(bytes, index))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= bytes.count {
            hash ^= (0..<4).reduce(UInt64(0)) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) } &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            index += 4
        }
        for byte in bytes[index...] {
            hash ^= UInt64(byte) &* prime5
            hash = rotate(hash, 11) &* prime1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return Int64(bitPattern: hash)
    }

    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        rotate(lane &+ input &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { value << count | value >> (64 - count) }

    /// The little-endian 64-bit word at `index`.
    private static func word(_ bytes: [UInt8], _ index: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) }
    }
}
