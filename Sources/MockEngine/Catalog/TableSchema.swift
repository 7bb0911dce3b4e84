import DBAPICore

/// A `NAME.schema.json` sidecar: `{"columns": [{"name": "price", "type": "DECIMAL(10,2)"}, …]}`.
struct TableSchema {
    let columns: [ResultColumn]

    static func parse(_ json: JSONValue, file: String) throws(EngineError) -> TableSchema {
        guard let entries = json["columns"]?.array else {
            throw EngineError.dataFile(file: file, line: 1, column: nil, message: "expected {\"columns\": [{\"name\", \"type\"}, …]}")
        }
        var columns: [ResultColumn] = []
        var seen = Set<String>()
        for (position, entry) in entries.enumerated() {
            let line = json.object?.line(of: "columns")
            guard let name = entry["name"]?.string, !name.isEmpty else {
                throw EngineError.dataFile(file: file, line: line, column: nil, message: "column \(position + 1) has no \"name\"")
            }
            guard let typeName = entry["type"]?.string else {
                throw EngineError.dataFile(file: file, line: line, column: nil, message: "column '\(name)' has no \"type\"")
            }
            guard let type = SQLType(sparkName: typeName) else {
                throw EngineError.dataFile(
                    file: file, line: line, column: nil, message: "column '\(name)' has unknown type '\(typeName)'")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw EngineError.dataFile(file: file, line: line, column: nil, message: "column '\(name)' is declared twice")
            }
            columns.append(ResultColumn(name: name, type: type))
        }
        return TableSchema(columns: columns)
    }
}
