import DBAPICore
import Foundation
import XCTest

/// What a child process printed and returned.
public struct ProcessOutcome: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// stdout parsed as one JSON document.
    public var json: JSONValue? { try? JSONParser.parse(stdout) }
}

/// Runs an executable to completion with the given environment changes (nil removes a variable);
/// `stdinBytes`, when given, is written after `stdin`.
public func runProcess(
    _ executable: URL, _ arguments: [String], environment changes: [String: String?] = [:], stdin: String? = nil,
    stdinBytes: [UInt8]? = nil, directory: URL = Fixtures.packageRoot
) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in changes { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    let input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    if let stdinBytes { input.fileHandleForWriting.write(Data(stdinBytes)) }
    try input.fileHandleForWriting.close()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessOutcome(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// Runs the built `dbapi` executable (skipping the test when it is not built), without the
/// caller's `DBAPI_ROOT`; `environment` adds or removes (nil) variables.
public func runDBAPI(
    _ arguments: [String], stdin: String? = nil, stdinBytes: [UInt8]? = nil, environment: [String: String?] = [:]
) throws -> ProcessOutcome {
    guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else {
        throw XCTSkip("dbapi binary not built at \(Fixtures.binary.path); run 'swift build' first")
    }
    var changes: [String: String?] = ["DBAPI_ROOT": nil]
    for (key, value) in environment { changes[key] = value }
    return try runProcess(Fixtures.binary, arguments, environment: changes, stdin: stdin, stdinBytes: stdinBytes)
}

/// Runs the built `dbapi` with its stderr on a pseudo-terminal `columns` wide (stdout and stdin are
/// pipes, as in a shell redirecting stdout); the outcome's `stderr` is everything the terminal
/// received, escape sequences and carriage returns included.
public func runDBAPIOnTerminal(_ arguments: [String], columns: UInt16 = 200, environment changes: [String: String?] = [:]) throws
    -> ProcessOutcome
{
    guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else {
        throw XCTSkip("dbapi binary not built at \(Fixtures.binary.path); run 'swift build' first")
    }
    guard let pseudoTerminal = PseudoTerminalCalls() else { throw XCTSkip("no pseudo-terminal calls in libc") }
    let master = pseudoTerminal.open(O_RDWR | O_NOCTTY)
    guard master >= 0, pseudoTerminal.grant(master) == 0, pseudoTerminal.unlock(master) == 0, let name = pseudoTerminal.name(master)
    else {
        throw XCTSkip("no pseudo-terminal available")
    }
    defer { close(master) }
    let terminal = open(String(cString: name), O_RDWR | O_NOCTTY)
    guard terminal >= 0 else { throw XCTSkip("cannot open the pseudo-terminal") }
    var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)

    let process = Process()
    process.executableURL = Fixtures.binary
    process.arguments = arguments
    process.currentDirectoryURL = Fixtures.packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["DBAPI_ROOT"] = nil
    environment["NO_COLOR"] = nil
    environment["TERM"] = "xterm"
    for (key, value) in changes { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
    process.standardInput = Pipe()
    do {
        try process.run()
    } catch {
        close(terminal)
        throw error
    }
    close(terminal)  // the child holds the only other descriptor: reading ends (EIO) when it exits
    let received = LockedBox<[UInt8]>([])
    let finished = DispatchSemaphore(value: 0)
    Thread {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                received.withLock { $0.append(contentsOf: buffer[0..<count]) }
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        finished.signal()
    }.start()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    finished.wait()
    return ProcessOutcome(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: received.withLock { $0 }, as: UTF8.self))
}

/// libc's pseudo-terminal calls, which Swift's Glibc module does not import (they sit behind
/// `_XOPEN_SOURCE`), looked up by name.
private struct PseudoTerminalCalls {
    let open: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init?() {
        let process = dlopen(nil, RTLD_NOW)
        guard let open = dlsym(process, "posix_openpt"), let grant = dlsym(process, "grantpt"),
            let unlock = dlsym(process, "unlockpt"), let name = dlsym(process, "ptsname")
        else { return nil }
        self.open = unsafeBitCast(open, to: (@convention(c) (Int32) -> Int32).self)
        self.grant = unsafeBitCast(grant, to: (@convention(c) (Int32) -> Int32).self)
        self.unlock = unsafeBitCast(unlock, to: (@convention(c) (Int32) -> Int32).self)
        self.name = unsafeBitCast(name, to: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    }
}
