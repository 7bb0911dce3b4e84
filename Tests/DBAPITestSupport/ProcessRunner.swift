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
