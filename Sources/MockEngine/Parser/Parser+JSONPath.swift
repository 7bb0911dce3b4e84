import DBAPICore
import SQLText

extension Parser {
    /// jsonPath := (name | '[' key ']') {'.' name | '[' key ']'}, key := string | integer | '*' (Databricks'
    /// `raw:a.b[0]`); returned as text, `a.b[0]`, `['k']`, for the JSON path reader.
    mutating func parseJSONPath() throws(EngineError) -> String {
        var text = ""
        var first = true
        while true {
            if first || consumeSymbol(".") {
                switch current.kind {
                case .word(let name), .quotedIdentifier(let name): text += (first ? "" : ".") + name
                default:
                    if first, current.isSymbol("[") { break }
                    throw unexpected("a JSON field name")
                }
                if !current.isSymbol("[") { advance() }
            } else if consumeSymbol("[") {
                switch current.kind {
                case .string(let key): text += "['\(key)']"
                case .number(let digits): text += "[\(digits)]"
                default:
                    guard current.isSymbol("*") else { throw unexpected("a JSON key, index or *") }
                    text += "[*]"
                }
                advance()
                try expectSymbol("]")
            } else {
                return text
            }
            first = false
        }
    }
}
