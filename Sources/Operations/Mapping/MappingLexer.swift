/// Tokens of the mapping language (Python expression syntax).
struct MappingToken: Equatable {
    enum Kind: Equatable {
        case name(String)
        case int(Int64)
        case number(String)
        case string(String)
        case op(String)
        case end
    }

    let kind: Kind
    let column: Int
}

enum MappingLexer {
    /// Operators, longest first, as scalar arrays (built once).
    private static let operators: [(text: String, scalars: [Unicode.Scalar])] = [
        "**", "//", "==", "!=", "<=", ">=", "=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "+", "-", "*", "/", "%", "<", ">",
    ].map { ($0, Array($0.unicodeScalars)) }

    static func tokenize(_ text: String) throws(MappingError) -> [MappingToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [MappingToken] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let column = index + 1
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                index += 1
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                var name = String.UnicodeScalarView()
                while index < scalars.count,
                    scalars[index].properties.isAlphabetic || scalars[index] == "_" || ("0"..."9").contains(scalars[index])
                {
                    name.append(scalars[index])
                    index += 1
                }
                let word = String(name)
                if (word == "r" || word == "R"), index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" {
                    tokens.append(MappingToken(kind: .string(try scanString(scalars, &index, raw: true)), column: column))
                } else {
                    tokens.append(MappingToken(kind: .name(word), column: column))
                }
            } else if ("0"..."9").contains(scalar)
                || (scalar == "." && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1]))
            {
                var number = ""
                var isInteger = true
                while index < scalars.count {
                    let next = scalars[index]
                    if ("0"..."9").contains(next) || next == "_" {
                        if next != "_" { number.unicodeScalars.append(next) }
                    } else if next == "." || next == "e" || next == "E" {
                        isInteger = false
                        number.unicodeScalars.append(next)
                        if next != ".", index + 1 < scalars.count, scalars[index + 1] == "-" || scalars[index + 1] == "+" {
                            index += 1
                            number.unicodeScalars.append(scalars[index])
                        }
                    } else {
                        break
                    }
                    index += 1
                }
                if isInteger {
                    guard let value = Int64(number) else { throw .syntax("integer literal \(number) is out of range", column: column) }
                    tokens.append(MappingToken(kind: .int(value), column: column))
                } else {
                    guard Double(number) != nil else { throw .syntax("invalid number \(number)", column: column) }
                    tokens.append(MappingToken(kind: .number(number), column: column))
                }
            } else if scalar == "'" || scalar == "\"" {
                tokens.append(MappingToken(kind: .string(try scanString(scalars, &index, raw: false)), column: column))
            } else if let symbol = operators.first(where: { matches($0.scalars, scalars, index) }) {
                tokens.append(MappingToken(kind: .op(symbol.text), column: column))
                index += symbol.scalars.count
            } else {
                throw .syntax("unexpected character '\(scalar)'", column: column)
            }
        }
        tokens.append(MappingToken(kind: .end, column: scalars.count + 1))
        return tokens
    }

    private static func matches(_ pattern: [Unicode.Scalar], _ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index + pattern.count <= scalars.count && scalars[index..<index + pattern.count].elementsEqual(pattern)
    }

    private static func scanString(_ scalars: [Unicode.Scalar], _ index: inout Int, raw: Bool) throws(MappingError) -> String {
        let column = index + 1
        let quote = scalars[index]
        index += 1
        var out = String.UnicodeScalarView()
        while true {
            guard index < scalars.count else { throw .syntax("unterminated string", column: column) }
            let scalar = scalars[index]
            index += 1
            if scalar == quote { return String(out) }
            guard scalar == "\\", !raw, index < scalars.count else {
                out.append(scalar)
                continue
            }
            let escaped = scalars[index]
            index += 1
            switch escaped {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "\\", "'", "\"": out.append(escaped)
            default:
                out.append("\\")
                out.append(escaped)
            }
        }
    }
}
