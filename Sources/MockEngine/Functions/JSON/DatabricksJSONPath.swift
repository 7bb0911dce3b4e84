/// Databricks' `column:path` extraction (`raw:store.fruit[0].type`, `raw:['key']`, `raw:a[*].b`): the path is
/// the text after the colon; field names in dot form match ignoring case, bracketed ones exactly; the result
/// is a STRING (a JSON string's text, other values as JSON, NULL when nothing matches). A wildcard gives a JSON
/// array with `null` for elements that lack the rest of the path, and a second wildcard flattens
/// (`basket[*][*]`). PySpark has no `:` operator, so this follows the Databricks SQL reference ("Query JSON
/// strings") and is tested in `DatabricksJSONPathTests`, not by the oracle.
struct DatabricksJSONPath {
    let path: JSONPath

    /// The path written after the colon, as the parser rebuilt it: `a.b[0]`, `['a'].b`, `a[*]`.
    init?(_ text: String) {
        guard let path = JSONPath(steps: Substring((text.hasPrefix("[") ? "" : ".") + text), dotKeysIgnoringCase: true) else {
            return nil
        }
        self.path = path
    }

    /// The column name of an unaliased extraction: its last field name (`raw:store.owner` is `owner`), or the
    /// path when it ends in an index.
    static func columnName(_ text: String) -> String {
        guard case .key(let name, _)? = DatabricksJSONPath(text)?.path.steps.last else { return text }
        return name
    }

    /// The extracted text, or nil (SQL NULL).
    func extract(from node: JSONNode) -> String? {
        guard let found = Self.select(node, path.steps[...]) else { return nil }
        switch found {
        case .null: return nil
        case .string(let text): return text
        default: return found.json
        }
    }

    private static func select(_ node: JSONNode, _ steps: ArraySlice<JSONPath.Step>) -> JSONNode? {
        guard let step = steps.first else { return node }
        let rest = steps.dropFirst()
        switch (node, step) {
        case let (.object, .key(name, ignoringCase)):
            return node.member(name, ignoringCase: ignoringCase).flatMap { select($0, rest) }
        case let (.array(items), .index(index)):
            return index < items.count ? select(items[index], rest) : nil
        case let (.array(items), .wildcard):
            let flattens = rest.contains(.wildcard)
            var out: [JSONNode] = []
            for item in items {
                let selected = select(item, rest) ?? .null
                if flattens, case .array(let inner) = selected { out += inner } else { out.append(selected) }
            }
            return .array(out)
        default:
            return nil
        }
    }
}
