import Foundation

/// A temporary directory of fake executables (`databricks`, `az`) to put on PATH: each records its
/// arguments, prints the text it was given on stdout and stderr, and exits with the given status.
public final class FakeCommandDirectory {
    private let directory = TemporaryDirectory()

    public var path: String { directory.path }

    public init() {}

    /// Installs (or replaces) the executable `name`.
    public func install(_ name: String, stdout: String, stderr: String = "", status: Int32 = 0) {
        directory.write(name + ".stdout", stdout)
        directory.write(name + ".stderr", stderr)
        let base = path + "/" + name
        let script = """
            #!/bin/sh
            echo "$*" >> '\(base).calls'
            cat '\(base).stdout'
            cat '\(base).stderr' >&2
            exit \(status)

            """
        directory.write(name, script)
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base)
    }

    /// The arguments of each call of `name` so far, one string per call.
    public func calls(_ name: String) -> [String] {
        let text = (try? String(contentsOfFile: path + "/" + name + ".calls", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// An RFC 3339 time `seconds` from now, as the Databricks CLI prints its `expiry`.
    public static func expiry(in seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date().addingTimeInterval(seconds))
    }
}
