/// Spark's JSON path subset for `get_json_object`: `$`, then `.name`, `['name']`, `[index]` and `[*]`; `.*` is
/// accepted but, as in Spark, matches nothing. Anything else (`$..a`, `[-1]`, a path without `$`) is invalid,
/// and the function gives NULL.
struct JSONPath {
    enum Step: Equatable {
        case key(String, ignoringCase: Bool)
        case index(Int)
        case wildcard
        /// `.*`: Spark parses it as a key wildcard it never evaluates, so it selects nothing.
        case anyKey
    }

    /// How a matched value is written: strings raw at the top, quoted inside a wildcard's array.
    private enum Style { case raw, quoted }

    let steps: [Step]

    init(steps: [Step]) { self.steps = steps }

    /// Parses `$.a.b[0]`; nil when the path is not in Spark's subset.
    init?(_ text: String) {
        guard text.first == "$" else { return nil }
        self.init(steps: Substring(text).dropFirst(), dotKeysIgnoringCase: false)
    }

    /// Parses the steps after `$` (`.a['b'][0]`); `.name` keys match ignoring case when `dotKeysIgnoringCase`.
    init?(steps text: Substring, dotKeysIgnoringCase: Bool) {
        var rest = text
        var steps: [Step] = []
        while let first = rest.first {
            rest = rest.dropFirst()
            if first == "." {
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                rest = rest.dropFirst(name.count)
                steps.append(name == "*" ? .anyKey : .key(String(name), ignoringCase: dotKeysIgnoringCase))
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[..<close]
                rest = rest[rest.index(after: close)...]
                if inside == "*" {
                    steps.append(.wildcard)
                } else if inside.count >= 2, inside.first == "'", inside.last == "'" {
                    steps.append(.key(String(inside.dropFirst().dropLast()), ignoringCase: false))
                } else if !inside.isEmpty, inside.allSatisfy(\.isASCIIDigit), let index = Int(inside) {
                    steps.append(.index(index))
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        self.steps = steps
    }

    /// The text `get_json_object` returns for `node`, or nil when nothing matches.
    func extract(from node: JSONNode) -> String? {
        var out = ""
        return Self.evaluate(node, steps[...], style: .raw, into: &out) ? out : nil
    }

    /// Writes what `steps` select from `node` into `out`; whether anything was written. A wildcard over an
    /// array writes the array of its matches, without brackets when only one element matched (Hive's rule).
    private static func evaluate(_ node: JSONNode, _ steps: ArraySlice<Step>, style: Style, into out: inout String) -> Bool {
        guard let step = steps.first else {
            switch node {
            case .null where style == .raw: return false  // a JSON null is SQL NULL, inside a wildcard's array `null`
            case .string(let text) where style == .raw: out += text
            default: node.write(to: &out)
            }
            return true
        }
        let rest = steps.dropFirst()
        switch (node, step) {
        case let (.object, .key(name, ignoringCase)):
            guard let member = node.member(name, ignoringCase: ignoringCase) else { return false }
            return evaluate(member, rest, style: style, into: &out)
        case let (.array(items), .index(index)):
            guard index < items.count else { return false }
            return evaluate(items[index], rest, style: style, into: &out)
        case let (.array(items), .wildcard):
            var inner = ""
            var matched = 0
            for item in items {
                var piece = ""
                guard evaluate(item, rest, style: .quoted, into: &piece) else { continue }
                inner += (matched > 0 ? "," : "") + piece
                matched += 1
            }
            guard matched > 0 else { return false }
            out += style == .quoted || matched > 1 ? "[" + inner + "]" : inner
            return true
        default:
            return false
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
