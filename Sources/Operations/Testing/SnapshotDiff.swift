import DBAPICore

/// The differences between a snapshot and a new result, one line per differing value: its JSON path
/// and both values (`data.total: expected 35, got 36`), a missing or extra member or element as
/// `nothing`. Objects are compared member by member, arrays element by element.
enum SnapshotDiff {
    /// At most `limit` lines, then one saying how many more there are.
    static func lines(expected: JSONValue, actual: JSONValue, limit: Int = 20) -> [String] {
        var lines: [String] = []
        compare(expected, actual, at: JSONPath(), into: &lines)
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit)) + ["… and \(lines.count - limit) more differences"]
    }

    private static func compare(_ expected: JSONValue, _ actual: JSONValue, at path: JSONPath, into lines: inout [String]) {
        switch (expected, actual) {
        case (.object(let old), .object(let new)):
            for key in old.keys {
                let next = path.appending(.key(key))
                if let newValue = new[key], let oldValue = old[key] {
                    compare(oldValue, newValue, at: next, into: &lines)
                } else {
                    lines.append(line(next, old[key], nil))
                }
            }
            for key in new.keys where old[key] == nil { lines.append(line(path.appending(.key(key)), nil, new[key])) }
        case (.array(let old), .array(let new)):
            for index in 0..<max(old.count, new.count) {
                let next = path.appending(.index(index))
                switch (index < old.count ? old[index] : nil, index < new.count ? new[index] : nil) {
                case let (oldValue?, newValue?): compare(oldValue, newValue, at: next, into: &lines)
                case let (oldValue, newValue): lines.append(line(next, oldValue, newValue))
                }
            }
        default:
            if JSONWriter().string(expected) != JSONWriter().string(actual) { lines.append(line(path, expected, actual)) }
        }
    }

    private static func line(_ path: JSONPath, _ expected: JSONValue?, _ actual: JSONValue?) -> String {
        "\(path): expected \(show(expected)), got \(show(actual))"
    }

    /// Compact JSON, cut at 200 characters.
    private static func show(_ value: JSONValue?) -> String {
        guard let value else { return "nothing" }
        let text = JSONWriter().string(value)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
