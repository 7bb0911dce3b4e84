import DBAPICore
import Foundation

/// Where snapshot files live: `DIR/OP/EXAMPLE.json` (default `ROOT/config/snapshots`), one per example,
/// the operation's `/` parts as folders.
public struct SnapshotStore: Sendable {
    /// The directory, absolute.
    public let directory: String
    /// How messages name it: relative to the root when inside it.
    let displayDirectory: String

    /// - Parameters:
    ///   - directory: the snapshot directory; nil for `root/config/snapshots`.
    ///   - root: the project root, absolute.
    public init(directory: String?, root: String) {
        let chosen = directory ?? root + "/config/snapshots"
        self.directory = chosen
        let prefix = root.hasSuffix("/") ? root : root + "/"
        displayDirectory = chosen.hasPrefix(prefix) ? String(chosen.dropFirst(prefix.count)) : chosen
    }

    /// The snapshot's path relative to `directory`, or nil when the operation name cannot be a path
    /// (an empty, `.` or `..` part, a backslash or a NUL).
    func relativePath(operation: String, example: String) -> String? {
        let parts = operation.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") && !$0.utf8.contains(0) }),
            ExampleParser.isFileSafe(example)
        else { return nil }
        return operation + "/" + example + ".json"
    }

    /// The path as messages show it.
    func displayPath(_ relative: String) -> String { displayDirectory + "/" + relative }

    /// The snapshot's bytes, or nil when there is none.
    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: directory + "/" + relative).map { [UInt8]($0) }
    }

    /// Writes a snapshot, creating its folders; refuses a folder that a symbolic link leads outside the
    /// snapshot directory, and replaces (never writes through) a link in the file's place.
    func write(_ text: String, to relative: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + relative)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let base = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let resolved = folder.resolvingSymlinksInPath().path
        guard resolved == base || resolved.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw SnapshotStoreError.outsideDirectory(displayPath(relative))
        }
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}

/// A snapshot that cannot be written where it belongs.
enum SnapshotStoreError: Error, LocalizedError {
    case outsideDirectory(String)

    var errorDescription: String? {
        switch self {
        case .outsideDirectory(let path): "a symbolic link leads \(path) outside the snapshot directory"
        }
    }
}
