import DBAPICore
import SQLText

extension Parser {
    /// type  := name ['(' int [',' int] ')'] | ARRAY '<' type '>' | MAP '<' type ',' type '>'
    ///        | STRUCT '<' [field {',' field}] '>' | INTERVAL field [TO field]
    /// field := name [':'] type [NOT NULL] [COMMENT 'text']
    mutating func parseType() throws(EngineError) -> SQLType {
        let line = current.line
        let column = current.column
        guard case .word(let name) = current.kind else { throw unexpected("a type name") }
        switch name.uppercased() {
        case "ARRAY", "MAP", "STRUCT":
            guard peek(1).isSymbol("<") else { break }
            advance()
            advance()
            return try nested { (parser: inout Parser) throws(EngineError) -> SQLType in
                try parser.parseNestedType(name.uppercased())
            }
        default:
            break
        }
        advance()
        var text = name
        if name.uppercased() == "INTERVAL", case .word(let first) = current.kind {
            advance()
            text += " " + first
            if consumeWord(.to), case .word(let last) = current.kind {
                advance()
                text += " TO " + last
            }
        }
        if consumeSymbol("(") {
            var arguments: [String] = []
            repeat {
                guard case .number(let digits) = current.kind else { throw unexpected("a number") }
                arguments.append(digits)
                advance()
            } while consumeSymbol(",")
            try expectSymbol(")")
            text += "(" + arguments.joined(separator: ",") + ")"
        }
        guard let type = SQLType(sparkName: text), !type.isNested else {
            throw EngineError.syntax(
                "Unsupported data type \"\(text.uppercased())\"", line: line, column: column, sql: source,
                errorClass: "UNSUPPORTED_DATATYPE")
        }
        return type
    }

    /// The part of an ARRAY, MAP or STRUCT type after its `<`, through its `>`.
    private mutating func parseNestedType(_ kind: String) throws(EngineError) -> SQLType {
        let type: SQLType
        switch kind {
        case "ARRAY":
            type = .array(try parseType())
        case "MAP":
            let key = try parseType()
            try expectSymbol(",")
            type = .map(key: key, value: try parseType())
        default:
            type = .struct(current.isSymbol(">") || current.isSymbol(">>") ? [] : try parseFields(colons: true))
        }
        try expectClosingAngle()
        return type
    }

    /// `field {',' field}`: a STRUCT's fields, or (without `colons`) a DDL column list (`a INT, b ARRAY<STRING>`).
    mutating func parseFields(colons: Bool) throws(EngineError) -> [SQLStructField] {
        var fields: [SQLStructField] = []
        repeat {
            let name = try parseAnyName("a field name")
            if colons { _ = consumeSymbol(":") }
            fields.append(SQLStructField(name, try parseType()))
            if current.isWord(.not), peek(1).isWord(.null) {
                advance()
                advance()
            }
            if consumeWord(.comment) {
                guard case .string = current.kind else { throw unexpected("a comment string") }
                advance()
            }
        } while consumeSymbol(",")
        return fields
    }

    /// A `>`, taking one from a `>>` (`ARRAY<ARRAY<INT>>` lexes its end as one token).
    private mutating func expectClosingAngle() throws(EngineError) {
        if consumeSymbol(">") { return }
        guard current.isSymbol(">>") else { throw unexpected("'>'") }
        tokens[position] = Token(kind: .symbol(">"), range: current.range, line: current.line, column: current.column + 1)
    }
}
