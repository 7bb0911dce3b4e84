import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

@testable import DBAPICLI

/// Several runs in one process (as a `serve` mode will make them) share no mutable state: each has its
/// own options, backends and signal registration.
final class InProcessRunsTests: XCTestCase {
    func testTwoRunsAtOnce_KeepTheirOwnOptionsAndResults() async throws {
        async let first = runCLI(["query", "SELECT :n AS n", "--param", "n:int=1", "--correlation-id", "first"])
        async let second = runCLI(["query", "SELECT :n AS n", "--param", "n:int=2", "--correlation-id", "second", "--format", "csv"])
        let (a, b) = await (first, second)
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.json?["data"]?["rows"], .array([.array([.int(1)])]))
        XCTAssertEqual(a.json?["meta"]?["correlation_id"], .string("first"))
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(b.stdout, "n\r\n2\r\n")
    }

    func testSignalHandlers_ReachEveryRegisteredRunUntilItUnregisters() throws {
        let heard = LockedBox<[String]>([])
        let handlers = SignalHandlers.shared
        let one = handlers.register { _, name in heard.withLock { $0.append("one \(name)") } }
        let two = handlers.register { _, name in heard.withLock { $0.append("two \(name)") } }
        kill(getpid(), SIGTERM)
        try waitUntil { heard.withLock { $0.count } == 2 }
        XCTAssertEqual(heard.withLock { $0.sorted() }, ["one SIGTERM", "two SIGTERM"])
        handlers.unregister(one)
        kill(getpid(), SIGINT)
        try waitUntil { heard.withLock { $0.count } == 3 }
        handlers.unregister(two)
        XCTAssertEqual(heard.withLock { $0.last }, "two SIGINT")
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        for _ in 0..<500 where !condition() { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(condition(), "the signal was not delivered within 5 s")
    }
}
