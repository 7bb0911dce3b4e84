import DBAPICore

/// The schema string `from_json` takes, read as Spark reads it: a data type (`STRUCT<a: INT>`, `ARRAY<INT>`,
/// `MAP<STRING, INT>`) or a DDL column list (`a INT, b ARRAY<STRING> NOT NULL COMMENT 'x'`), which is a STRUCT.
enum JSONSchema {
    /// The type `text` declares, or nil when it is neither a type nor a column list.
    static func parse(_ text: String) -> SQLType? {
        if let type = parseWhole(text, { (parser: inout Parser) throws(EngineError) in try parser.parseType() }) { return type }
        return parseWhole(text) { (parser: inout Parser) throws(EngineError) in .struct(try parser.parseFields(colons: false)) }
    }

    private static func parseWhole(_ text: String, _ body: (inout Parser) throws(EngineError) -> SQLType) -> SQLType? {
        do {
            var parser = try Parser(text)
            let type = try body(&parser)
            return parser.current.kind == .end ? type : nil
        } catch {
            return nil
        }
    }
}
