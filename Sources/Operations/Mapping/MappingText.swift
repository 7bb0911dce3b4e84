/// Python's `str()` of mapping values (`repr()` inside lists and dicts), written a piece at a time,
/// each piece charged to the budget before it is appended: `str()` of a huge list stops at the
/// byte limit instead of building the whole text first.
enum MappingText {
    static func str(_ value: MappingValue, budget: inout MappingBudget) throws(MappingError) -> String {
        switch value {
        case .list, .dict: break
        case .string(let text): return text
        default:
            let text = MappingValue.keyText(value)
            try budget.build(bytes: text.utf8.count)
            return text
        }
        var out = ""
        try append(value, quoted: false, to: &out, budget: &budget)
        return out
    }

    private static func append(_ value: MappingValue, quoted: Bool, to out: inout String, budget: inout MappingBudget)
        throws(MappingError)
    {
        func piece(_ text: String) throws(MappingError) {
            try budget.build(bytes: text.utf8.count)
            out += text
        }
        switch value {
        case .list(let items):
            try piece("[")
            for (index, item) in items.enumerated() {
                if index > 0 { try piece(", ") }
                try append(item, quoted: true, to: &out, budget: &budget)
            }
            try piece("]")
        case .dict(let dict):
            try piece("{")
            for (index, entry) in dict.entries.enumerated() {
                if index > 0 { try piece(", ") }
                try append(entry.key, quoted: true, to: &out, budget: &budget)
                try piece(": ")
                try append(entry.value, quoted: true, to: &out, budget: &budget)
            }
            try piece("}")
        case .string(let text):
            if quoted { try piece("'") }
            try piece(text)
            if quoted { try piece("'") }
        default:
            try piece(MappingValue.keyText(value))
        }
    }
}
