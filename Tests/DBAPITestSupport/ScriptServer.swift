import DBAPICore
import Foundation

/// A Python server from scripts/ running as a child process: the first line it printed (its
/// ports), and stopped when released by closing its stdin. The script must exit when its stdin
/// closes: a child of the test process may start with SIGTERM blocked.
public final class ScriptServer {
    /// The first line the script printed, without the newline.
    public let firstLine: String
    private let process: Process
    private let input: Pipe

    /// Starts `python3 scripts/<script> <arguments>` and waits for its first line.
    public init(script: String, arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.packageRoot.appendingPathComponent("scripts/" + script).path] + arguments
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        firstLine = String(decoding: line, as: UTF8.self).trimmingSpaces()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
