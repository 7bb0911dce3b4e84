import DBAPICore
import Foundation
import XCTest

@testable import DBAPICLI

final class SpoolFileTests: XCTestCase {
    func testReplay_GivesBackEveryByteInBlocks_AndLeavesNoFile() throws {
        let directory = NSTemporaryDirectory() + "spool-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spool = try SpoolFile(directory: directory)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [], "unlinked when made")
        let chunk = (0..<700_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        try spool.append(chunk)
        try spool.append([])
        try spool.append(chunk)
        XCTAssertEqual(spool.size, 1_400_000)
        var blocks: [[UInt8]] = []
        try spool.replay { blocks.append($0) }
        XCTAssertEqual(blocks.map(\.count), [1 << 20, 1_400_000 - (1 << 20)])
        XCTAssertEqual(blocks.joined().elementsEqual(chunk + chunk), true)
    }

    func testUnwritableDirectory_IsAnErrorNamingIt() {
        XCTAssertThrowsError(try SpoolFile(directory: "/nonexistent/dir")) { error in
            XCTAssertEqual(
                (error as? DBAPIError)?.message,
                "cannot hold the json output in a temporary file in /nonexistent/dir: No such file or directory "
                    + "(set TMPDIR to a writable directory, or use --format ndjson, which needs no temporary file)")
        }
    }
}
