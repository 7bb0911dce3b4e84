/// Deterministic input mutations for the `swift test` side of the fuzz targets: the byte flips,
/// insertions, deletions, duplications, splices and dictionary insertions libFuzzer applies, driven
/// by a seeded generator so every run checks the same cases.
public struct FuzzMutator {
    private var random: SplitMix64
    private let dictionary: [[UInt8]]
    private let maxLength: Int

    /// Bytes that often sit on a parser's edges: quotes, escapes, brackets, separators, extremes.
    private static let interesting: [UInt8] = Array("\"'\\`[]{}(),:;.-+eE0123456789 \n\r\t".utf8) + [0, 0x7F, 0x80, 0xC3, 0xFF]

    /// - Parameters:
    ///   - seed: the generator's seed; the same seed gives the same mutations.
    ///   - dictionary: tokens to insert whole (keywords, operators, type names).
    ///   - maxLength: mutated inputs are cut to this many bytes.
    public init(seed: UInt64, dictionary: [String] = [], maxLength: Int = 4096) {
        random = SplitMix64(seed: seed)
        self.dictionary = dictionary.map { Array($0.utf8) }
        self.maxLength = maxLength
    }

    /// A random index in `0..<count` (0 when `count` is 0).
    public mutating func below(_ count: Int) -> Int {
        count > 0 ? Int(random.next() % UInt64(count)) : 0
    }

    /// `input` after one to four random mutations; `corpus` supplies the other half of splices.
    public mutating func mutate(_ input: [UInt8], corpus: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) { mutateOnce(&bytes, corpus: corpus) }
        return Array(bytes.prefix(maxLength))
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]]) {
        let position = below(bytes.count + 1)
        switch below(8) {
        case 0 where !bytes.isEmpty:
            bytes[below(bytes.count)] ^= 1 << UInt8(below(8))
        case 1 where !bytes.isEmpty:
            bytes[below(bytes.count)] = Self.interesting[below(Self.interesting.count)]
        case 2:
            bytes.insert(Self.interesting[below(Self.interesting.count)], at: position)
        case 3 where !bytes.isEmpty:
            let start = below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(8)))
        case 4 where !bytes.isEmpty:
            let start = below(bytes.count)
            let piece = bytes[start..<min(bytes.count, start + 1 + below(16))]
            bytes.insert(contentsOf: Array(repeating: piece, count: 1 + below(3)).joined(), at: below(bytes.count + 1))
        case 5 where !dictionary.isEmpty:
            bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: position)
        case 6 where !corpus.isEmpty:
            let other = corpus[below(corpus.count)]
            bytes = Array(bytes.prefix(position)) + other.suffix(from: below(other.count + 1))
        default:
            guard !corpus.isEmpty else { return }
            let other = corpus[below(corpus.count)]
            let start = below(other.count + 1)
            bytes.insert(contentsOf: other[start..<min(other.count, start + below(32))], at: position)
        }
    }
}
