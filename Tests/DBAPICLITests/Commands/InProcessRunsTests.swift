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
        // A signal sent before the dispatch source is armed is ignored, so send until it is heard.
        try signal(SIGTERM) { Set(heard.withLock { $0 }) == ["one SIGTERM", "two SIGTERM"] }
        handlers.unregister(one)
        heard.withLock { $0.removeAll() }
        try signal(SIGINT) { heard.withLock { $0.contains("two SIGINT") } }
        handlers.unregister(two)
        XCTAssertEqual(Set(heard.withLock { $0 }), ["two SIGINT"])
    }

    private func signal(_ number: Int32, until condition: () -> Bool) throws {
        for _ in 0..<100 where !condition() {
            kill(getpid(), number)
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(condition(), "the signal was not delivered within 5 s")
    }
}
