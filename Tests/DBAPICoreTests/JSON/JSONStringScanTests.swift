import DBAPICore
import DBAPITestSupport
import XCTest

final class JSONStringScanTests: XCTestCase {
    /// The byte-at-a-time answer the eight-byte scan must match.
    private func naive(_ bytes: [UInt8], from index: Int) -> Int {
        bytes.indices.first { $0 >= index && (bytes[$0] == 0x22 || bytes[$0] == 0x5C || bytes[$0] < 0x20) } ?? bytes.count
    }

    func testFindsTheFirstSpecialByte_FromEveryOffset() {
        var random = SplitMix64(seed: 11)
        // Mostly plain bytes (ASCII and UTF-8 lead/continuation bytes) with rare specials, so the
        // special byte lands in every lane of a word and after runs of plain words.
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x41, 0x5B, 0x5D, 0x7E, 0x7F, 0x80, 0xA2, 0xC3, 0xDC, 0xFF]
        let special: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x0A]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &random)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<12, using: &random) == 0
                    ? special.randomElement(using: &random) ?? 0 : plain.randomElement(using: &random) ?? 0
            }
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...count + 1 {
                    XCTAssertEqual(JSONStringScan.nextSpecial(in: buffer, from: start), naive(bytes, from: start), "\(bytes) from \(start)")
                }
            }
        }
    }

    func testEmptyAndNegativeStart() {
        XCTAssertEqual(JSONStringScan.nextSpecial(in: UnsafeBufferPointer(start: nil, count: 0), from: 0), 0)
        [UInt8]("ab\"".utf8).withUnsafeBufferPointer { XCTAssertEqual(JSONStringScan.nextSpecial(in: $0, from: -5), 2) }
    }
}
