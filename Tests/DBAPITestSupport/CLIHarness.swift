import DBAPICLI
import DBAPICore
import Foundation

/// What one in-process `dbapi` invocation printed and returned.
public struct CLIResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// stdout parsed as one JSON document.
    public var json: JSONValue? { try? JSONParser.parse(stdout) }
}

/// Runs the command line in-process with captured streams.
public func runCLI(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String? = nil,
    backends: BackendRegistry = .standard
) async -> CLIResult {
    let out = LockedBox("")
    let err = LockedBox("")
    let io = IO(
        stdout: { text in out.withLock { $0 += text } }, stderr: { text in err.withLock { $0 += text } },
        stdin: { Data(stdin.utf8) }, environment: environment,
        currentDirectory: directory ?? Fixtures.packageRoot.path)
    let status = await DBAPICommandLine.run(arguments: arguments, io: io, backends: backends)
    return CLIResult(status: status, stdout: out.withLock { $0 }, stderr: err.withLock { $0 })
}

/// A temporary directory removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "dbapi-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` at `relative`, creating folders.
    public func write(_ relative: String, _ contents: String) {
        write(relative, bytes: Array(contents.utf8))
    }

    /// Writes raw bytes (which need not be UTF-8) at `relative`, creating folders.
    public func write(_ relative: String, bytes: [UInt8]) {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(bytes).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Fixtures {
    /// The built `dbapi` executable next to the test bundle.
    public static var binary: URL {
        let candidates =
            [
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dbapi"),
                packageRoot.appendingPathComponent(".build/debug/dbapi"),
            ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("dbapi") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }
}
