import DBAPITestSupport
import XCTest

@testable import DBAPICore

final class ByteSearchTests: XCTestCase {
    /// Every occurrence, left to right and non-overlapping, by the obvious quadratic method.
    private func naiveOffsets(_ needle: [UInt8], _ haystack: [UInt8]) -> [Int] {
        var found: [Int] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if Array(haystack[start..<start + needle.count]) == needle {
                found.append(start)
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    func testOffsets_MatchTheNaiveSearch() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let haystack = String((0..<Int(random.next() % 200)).map { _ in "aab".randomElement(using: &random) ?? "a" })
            let needle = String((0..<Int(1 + random.next() % 4)).map { _ in "ab".randomElement(using: &random) ?? "a" })
            XCTAssertEqual(
                haystack.offsets(ofScalars: needle), naiveOffsets(Array(needle.utf8), Array(haystack.utf8)), "\(needle) in \(haystack)")
        }
    }

    func testPathologicalText_FallsBackToALinearSearch() {
        // memchr finds a candidate at every position and each check reads the whole needle: the
        // search switches to Rabin–Karp, so the work stays linear in the text.
        let haystack = String(repeating: "a", count: 200_000) + "b"
        let needle = String(repeating: "a", count: 5_000) + "b"
        var search = ByteSearch(Array(needle.utf8))
        XCTAssertEqual(haystack.offsets(of: needle, with: &search), [195_000])
        XCTAssertLessThan(search.cost, 1_000_000)
    }

    func testWorkLimit_StopsTheSearch() {
        let haystack = String(repeating: "x", count: 1_000_000)
        var search = ByteSearch(Array("y".utf8), limit: 100)
        XCTAssertEqual(haystack.offsets(of: "y", with: &search), [])
        XCTAssertTrue(search.isStopped)
        XCTAssertEqual("café au lait".split(byScalars: "é"), ["caf", " au lait"])
        XCTAssertTrue("e\u{301}".contains(scalars: "e"), "code points, not characters: 'e' is in 'é' written as e + U+0301")
    }
}
