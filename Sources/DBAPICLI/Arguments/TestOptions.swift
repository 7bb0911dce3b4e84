import Foundation

/// The options of `dbapi test`, decoded and checked once.
struct TestOptions: Sendable {
    /// The most examples run at once.
    static let maxJobs = 64

    /// `--update`: write new and changed snapshots.
    var update: Bool
    /// `--junit FILE`, absolute.
    var junit: String?
    /// `--jobs N`; default: the CPUs, at most 8.
    var jobs: Int
    /// `--snapshots DIR`, absolute; nil for ROOT/config/snapshots.
    var snapshots: String?

    init(decoding arguments: ParsedArguments, io: IO) throws(UsageError) {
        let absolute = { (path: String) in path.hasPrefix("/") ? path : io.currentDirectory + "/" + path }
        update = arguments.has(.update)
        junit = arguments.value(.junit).map(absolute)
        jobs =
            try arguments.decode(.jobs) { Int($0).flatMap { (1...Self.maxJobs).contains($0) ? $0 : nil } }
            ?? min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        snapshots = arguments.value(.snapshots).map(absolute)
    }
}
