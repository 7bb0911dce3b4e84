import DBAPICore
import Foundation

/// A golden test script: cases separated by blank lines, each a statement, a `----` line, and the
/// expected output (a header `name:TYPE | …` then one line per row, or `error: <text>`). A case may
/// pin the statement's plan: a `----[plan]` line after the statement, the plan's lines as the
/// engine prints them, then the `----` line and the output.
public struct GoldenScript {
    public struct Case {
        public let line: Int
        public let statement: String
        /// The expected plan's lines, when the case has a `----[plan]` block.
        public let plan: [String]?
        public let expected: [String]
    }

    /// The line that ends a statement and starts its expected plan.
    public static let planMarker = "----[plan]"

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
            while index < lines.count, lines[index] != "----", lines[index] != Self.planMarker {
                statement.append(lines[index])
                index += 1
            }
            var plan: [String]?
            if index < lines.count, lines[index] == Self.planMarker {
                index += 1
                var planLines: [String] = []
                while index < lines.count, lines[index] != "----" {
                    planLines.append(lines[index])
                    index += 1
                }
                plan = planLines
            }
            index += 1
            var expected: [String] = []
            while index < lines.count, !lines[index].isEmpty {
                expected.append(lines[index])
                index += 1
            }
            cases.append(Case(line: start, statement: statement.joined(separator: "\n"), plan: plan, expected: expected))
        }
        self.cases = cases
    }

    /// The lines a result is compared on: a typed header, then one line per row.
    public static func render(_ result: ResultSet) -> [String] {
        [result.columns.map { "\($0.name):\($0.type)" }.joined(separator: " | ")]
            + result.rows.map { row in row.map(\.description).joined(separator: " | ") }
    }
}
