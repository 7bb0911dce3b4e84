import DBAPICore
import Foundation

/// What a finished command printed and returned.
struct CommandOutput: Sendable {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
}

/// Runs an executable to completion: the Databricks and Azure CLIs that issue tokens.
protocol CommandLauncher: Sendable {
    /// - Throws: `DatabricksError.authentication` when it cannot be started or runs too long.
    func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> CommandOutput
}

/// `Foundation.Process` with stdin closed, each output stream kept up to `outputLimit` bytes (the
/// rest read and dropped), and the process killed after `timeLimit` seconds (its output is waited
/// for 5 s more, in case a child of it holds the pipes open).
struct ProcessLauncher: CommandLauncher {
    var outputLimit = 1 << 20
    var timeLimit = 60.0

    func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> CommandOutput {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment) })
            }
        }
    }

    private func runBlocking(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> CommandOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw DatabricksError.authentication("\(executable) could not be started: \(error.localizedDescription)")
        }
        let timedOut = LockedBox(false)
        let timer = DispatchWorkItem {
            guard process.isRunning else { return }
            timedOut.withLock { $0 = true }
            kill(process.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        let group = DispatchGroup()
        let stdout = LockedBox<[UInt8]>([])
        let stderr = LockedBox<[UInt8]>([])
        for (pipe, box) in [(out, stdout), (err, stderr)] {
            DispatchQueue.global().async(group: group) {
                let bytes = read(pipe.fileHandleForReading)
                box.withLock { $0 = bytes }
            }
        }
        let deadline = DispatchTime.now() + timeLimit + 5
        let finished = group.wait(timeout: deadline) == .success && exited.wait(timeout: deadline) == .success
        timer.cancel()
        if !finished || timedOut.withLock({ $0 }) {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw DatabricksError.authentication("\(executable) did not finish within \(String(format: "%g", timeLimit)) s")
        }
        return CommandOutput(status: process.terminationStatus, stdout: stdout.withLock { $0 }, stderr: stderr.withLock { $0 })
    }

    /// Everything `handle` delivers until end of file, keeping at most `outputLimit` bytes.
    private func read(_ handle: FileHandle) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return bytes }
            if bytes.count < outputLimit { bytes += chunk.prefix(outputLimit - bytes.count) }
        }
    }
}
