import DBAPICore
import Foundation

/// A temporary file that holds a json document's streamed rows until the result is known to be
/// complete: memory stays flat whatever the result size, and a failure midway still leaves stdout
/// one clean error envelope. The file is unlinked as soon as it is made, so nothing is left behind
/// even if the process is killed.
final class SpoolFile {
    private let descriptor: Int32
    private let directory: String
    /// Bytes written so far.
    private(set) var size = 0

    /// A new spool in `directory` (`$TMPDIR` or `/tmp`).
    init(directory: String) throws(DBAPIError) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("dbapi-spool-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        self.directory = directory
        guard descriptor >= 0 else { throw Self.failure(errno, directory: directory) }
        template.withUnsafeBufferPointer { buffer in
            if let path = buffer.baseAddress { _ = unlink(path) }
        }
        self.descriptor = descriptor
    }

    /// The error for a spool that cannot be written or read: the run fails, it is never cut short.
    private static func failure(_ number: Int32, directory: String) -> DBAPIError {
        DBAPIError(
            .unavailable,
            "cannot hold the json output in a temporary file in \(directory): \(String(cString: strerror(number))) "
                + "(set TMPDIR to a writable directory, or use --format ndjson, which needs no temporary file)",
            details: ["directory": .string(directory)])
    }

    deinit { close(descriptor) }

    /// Appends `bytes`.
    func append(_ bytes: [UInt8]) throws(DBAPIError) {
        let failure = IO.writeAll(bytes, to: descriptor)
        if let failure { throw Self.failure(failure, directory: directory) }
        size += bytes.count
    }

    /// Hands the spooled bytes to `deliver` from the start, a block at a time.
    func replay(_ deliver: ([UInt8]) -> Void) throws(DBAPIError) {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw Self.failure(errno, directory: directory) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var remaining = size
        while remaining > 0 {
            let count = block.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress, min(buffer.count, remaining)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Self.failure(count < 0 ? errno : EIO, directory: directory) }
            deliver(count == block.count ? block : Array(block[..<count]))
            remaining -= count
        }
    }
}
