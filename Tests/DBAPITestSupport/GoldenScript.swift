import DBAPICore
import Foundation

/// A golden test script: cases separated by blank lines, each a statement, a `----` line, and the
/// expected output (a header `name:TYPE | …` then one line per row, or `error: <text>`).
public struct GoldenScript {
    public struct Case {
        public let line: Int
        public let statement: String
        public let expected: [String]
    }

    public let cases: [Case]

    public init(text: String) {
        var cases: [Case] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") {
                index += 1
                continue
            }
            let start = index + 1
            var statement: [String] = []
            while index < lines.count, lines[index] != "----" {
                statement.append(lines[index])
                index += 1
            }
            index += 1
            var expected: [String] = []
            while index < lines.count, !lines[index].isEmpty {
                expected.append(lines[index])
                index += 1
            }
            cases.append(Case(line: start, statement: statement.joined(separator: "\n"), expected: expected))
        }
        self.cases = cases
    }

    /// The lines a result is compared on: a typed header, then one line per row.
    public static func render(_ result: ResultSet) -> [String] {
        [result.columns.map { "\($0.name):\($0.type)" }.joined(separator: " | ")]
            + result.rows.map { row in row.map(\.description).joined(separator: " | ") }
    }
}

/// Locations in the source checkout, for fixtures and the built binary.
public enum Fixtures {
    /// The package root (the directory holding `Package.swift`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
