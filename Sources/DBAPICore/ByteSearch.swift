#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a byte string inside another in linear time and constant memory, metering its work so a
/// caller with a budget can stop it.
///
/// Candidates are found with `memchr` on the needle's first byte and confirmed with `memcmp`; when
/// confirming costs more than a few times the text scanned (a haystack full of the first byte),
/// the rest of the search switches to Rabin–Karp: a rolling hash modulo the prime 2^61 − 1 with a
/// base drawn at random per search, so no input can be crafted to collide, every hash match
/// confirmed. On UTF-8 text a byte match is a code point match: a valid needle can only match where
/// a haystack scalar starts and ends, which is how Spark and Python compare substrings.
package struct ByteSearch {
    private static let prime: UInt64 = (1 << 61) - 1
    private let needle: [UInt8]
    private let base: UInt64
    private let needleHash: UInt64
    /// base^(needle.count - 1), to drop the byte leaving the window.
    private let leadingPower: UInt64
    /// Work done so far: a unit per 64 bytes scanned by `memchr`/`memcmp`, per candidate, and per
    /// byte hashed (the slow path).
    package private(set) var cost = 0
    /// Work allowed; past it a search stops and reports `isStopped`.
    package let limit: Int
    package private(set) var isStopped = false

    /// Prepares a search for `needle` (which must not be empty), allowed `limit` units of work.
    package init(_ needle: [UInt8], limit: Int = .max) {
        var generator = SystemRandomNumberGenerator()
        self.needle = needle
        self.limit = limit
        base = UInt64.random(in: 256..<(Self.prime - 1), using: &generator)
        var hash: UInt64 = 0
        var power: UInt64 = 1
        for (index, byte) in needle.enumerated() {
            hash = Self.add(Self.multiply(hash, base), UInt64(byte))
            if index > 0 { power = Self.multiply(power, base) }
        }
        needleHash = hash
        leadingPower = power
    }

    /// The offset of the first occurrence of the needle in `haystack` at or after `start`; nil when
    /// there is none or the work limit was reached (`isStopped`).
    package mutating func firstOffset(in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.count
        guard count > 0, start >= 0, haystack.count - start >= count, let text = haystack.baseAddress, !isStopped else { return nil }
        let last = haystack.count - count
        var position = start
        var confirming = 0
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            guard let first = pattern.baseAddress else { return nil }
            while position <= last {
                guard let hit = memchr(text + position, Int32(first.pointee), last - position + 1) else {
                    charge((last - position) / 64 + 1)
                    return nil
                }
                let offset = text.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                charge((offset - position) / 64 + 1 + count / 64)
                if memcmp(text + offset, first, count) == 0 { return isStopped ? nil : offset }
                confirming += count
                position = offset + 1
                if isStopped { return nil }
                if confirming > 4 * (position - start) + 4_096 { return rollingSearch(haystack, from: position) }
            }
            return nil
        }
    }

    private mutating func charge(_ units: Int) {
        cost += units
        if cost > limit { isStopped = true }
    }

    /// Rabin–Karp from `start`: linear whatever the text, a unit of work per byte.
    private mutating func rollingSearch(_ haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.count
        guard haystack.count - start >= count else { return nil }
        var hash: UInt64 = 0
        for index in start..<start + count { hash = Self.add(Self.multiply(hash, base), UInt64(haystack[index])) }
        charge(count)
        var position = start
        while !isStopped {
            if hash == needleHash, needle.withUnsafeBufferPointer({ $0.elementsEqual(haystack[position..<position + count]) }) {
                return position
            }
            guard position + count < haystack.count else { return nil }
            let leaving = Self.multiply(UInt64(haystack[position]), leadingPower)
            hash = Self.add(Self.multiply(Self.add(hash, Self.prime - leaving), base), UInt64(haystack[position + count]))
            position += 1
            if position & 63 == 0 { charge(64) }
        }
        return nil
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a + b  // both < 2^61, no overflow
        return sum >= prime ? sum - prime : sum
    }

    private static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // a·b = high·2^64 + low; 2^64 ≡ 2^3 and 2^61 ≡ 1 (mod 2^61 − 1).
        let folded = (low & prime) + (low >> 61) + (high << 3)
        return folded % prime
    }
}

extension String {
    /// Whether `part` occurs in the string, matched by code point (an empty `part` always does).
    package func contains(scalars part: String) -> Bool {
        guard !part.isEmpty else { return true }
        var search = ByteSearch(Array(part.utf8))
        return !offsets(of: part, with: &search, limit: 1).isEmpty
    }

    /// The UTF-8 offsets of the non-overlapping occurrences of `part`, left to right.
    package func offsets(ofScalars part: String) -> [Int] {
        guard !part.isEmpty else { return [] }
        var search = ByteSearch(Array(part.utf8))
        return offsets(of: part, with: &search)
    }

    /// The offsets `search` (prepared for `part`) finds, at most `limit`; fewer when it stopped.
    package func offsets(of part: String, with search: inout ByteSearch, limit: Int = .max) -> [Int] {
        let width = part.utf8.count
        var text = self
        return text.withUTF8 { bytes in
            var found: [Int] = []
            var start = 0
            while found.count < limit, let offset = search.firstOffset(in: bytes, from: start) {
                found.append(offset)
                start = offset + width
            }
            return found
        }
    }
}
