import Foundation

/// Where a command reads and writes: real standard streams in the binary, buffers in tests.
public struct IO: Sendable {
    public var stdout: @Sendable (String) -> Void
    /// Raw UTF-8 to stdout (streamed rows); by default through `stdout`.
    public var stdoutBytes: @Sendable ([UInt8]) -> Void
    public var stderr: @Sendable (String) -> Void
    public var stdin: @Sendable () -> Data
    public var environment: [String: String]
    public var currentDirectory: String
    /// Whether commands may install process-wide signal handlers (the real binary does; tests do not).
    public var handlesSignals = false
    /// The width of the terminal stderr is, or nil when stderr is not a terminal (a pipe, a file).
    public var stderrTerminalColumns: @Sendable () -> Int? = { nil }

    public init(
        stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void,
        stdin: @escaping @Sendable () -> Data, environment: [String: String], currentDirectory: String
    ) {
        self.stdout = stdout
        self.stdoutBytes = { stdout(String(decoding: $0, as: UTF8.self)) }
        self.stderr = stderr
        self.stdin = stdin
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The process's own streams, environment and working directory.
    public static var standard: IO {
        var io = IO(
            stdout: { FileHandle.standardOutput.write(Data($0.utf8)) },
            stderr: { FileHandle.standardError.write(Data($0.utf8)) },
            stdin: { FileHandle.standardInput.readDataToEndOfFile() },
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
        io.stdoutBytes = { bytes in writeAll(bytes, to: STDOUT_FILENO) }
        io.handlesSignals = true
        io.stderrTerminalColumns = terminalColumns
        return io
    }

    /// The column count of the terminal on stderr (80 when it does not say), nil when it is none.
    private static func terminalColumns() -> Int? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Writes `bytes` straight from the array (no `Data` copy of each streamed chunk), resuming
    /// after short writes and EINTR; stops at any other error and returns its errno (a closed pipe
    /// ends the process by SIGPIPE first, as for other command-line tools).
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : ENOSPC
                }
            }
            return nil
        }
    }
}
