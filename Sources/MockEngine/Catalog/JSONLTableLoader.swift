import DBAPICore

/// Builds a `Table` from JSON Lines: one object per line keyed by column name.
///
/// Without a schema the columns are every key seen, sorted by name as Spark's JSON reader does,
/// typed BIGINT, DOUBLE, BOOLEAN, STRING, ARRAY or STRUCT (an object's keys as fields, sorted by
/// name); integers stay exact. Nested values are read by `SQLValue(json:as:)`, the rules the
/// Databricks backend reads a warehouse's nested cells by. Column names are
/// case-insensitive, as in Spark: keys that differ only in case (`a`, `A`) are an error, in one
/// object or, without a schema, across the file.
enum JSONLTableLoader {
    static func load(bytes: [UInt8], file: String, name: String, schema: TableSchema?) throws(EngineError) -> Table {
        var objects: [(line: Int, object: JSONObject)] = []
        var spellings: [String: (key: String, line: Int)] = [:]
        if let error = UTF8Validation.check(bytes, file: file) { throw error }
        var lineNumber = 0
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start <= bytes.count {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            do {
                guard case .object(let object) = try JSONParser.parse(bytes: Array(line)) else {
                    throw EngineError.dataFile(file: file, line: lineNumber, column: 1, message: "each line must be a JSON object")
                }
                try checkKeySpellings(object, line: lineNumber, file: file, acrossLines: schema == nil, &spellings)
                objects.append((lineNumber, object))
            } catch let error as JSONParser.SyntaxError {
                throw EngineError.dataFile(file: file, line: lineNumber, column: error.column, message: error.message)
            } catch let error as EngineError {
                throw error
            } catch {
                throw EngineError.dataFile(file: file, line: lineNumber, column: nil, message: "\(error)")
            }
        }
        let columns = schema?.columns ?? inferColumns(objects.map(\.object))
        // Names are matched case-insensitively through sets and maps, so a wide file loads in
        // linear time (a scan per key or column made it quadratic in the number of keys).
        let declared = Set(columns.map { $0.name.lowercased() })
        var rows: [Row] = []
        rows.reserveCapacity(objects.count)
        for (line, object) in objects {
            if schema != nil, let unknown = object.keys.first(where: { !declared.contains($0.lowercased()) }) {
                throw EngineError.dataFile(file: file, line: line, column: nil, message: "key '\(unknown)' is not declared in the schema")
            }
            var folded: [String: JSONValue]?
            var row: Row = []
            for column in columns {
                var found = object[column.name]
                if found == nil {
                    if folded == nil {
                        folded = Dictionary(object.members.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
                    }
                    found = folded?[column.name.lowercased()]
                }
                let json = found ?? .null
                guard let value = SQLValue(json: json, as: column.type) else {
                    throw EngineError.dataFile(
                        file: file, line: line, column: nil,
                        message: "value \(excerpt(JSONWriter().string(json))) of '\(column.name)' is not a valid \(column.type)")
                }
                row.append(value)
            }
            rows.append(row)
        }
        return Table(name: name, columns: columns, rows: rows)
    }

    /// Refuses two keys of `object` that name the same column, and with `acrossLines`, a key spelled
    /// differently from the same column's key on an earlier line (`spellings`, by lower-cased name).
    private static func checkKeySpellings(
        _ object: JSONObject, line: Int, file: String, acrossLines: Bool, _ spellings: inout [String: (key: String, line: Int)]
    ) throws(EngineError) {
        var inObject: [String: String] = [:]
        for key in object.keys {
            let folded = key.lowercased()
            if let other = inObject.updateValue(key, forKey: folded) {
                throw EngineError.dataFile(
                    file: file, line: line, column: nil,
                    message: "keys '\(other)' and '\(key)' name the same column (column names are case-insensitive)")
            }
            guard acrossLines else { continue }
            if let earlier = spellings[folded] {
                guard earlier.key == key else {
                    throw EngineError.dataFile(
                        file: file, line: line, column: nil,
                        message:
                            "key '\(key)' names the same column as key '\(earlier.key)' on line \(earlier.line) "
                            + "(column names are case-insensitive)")
                }
            } else {
                spellings[folded] = (key, line)
            }
        }
    }

    private static func inferColumns(_ objects: [JSONObject]) -> [ResultColumn] {
        var types: [String: SQLType] = [:]
        for object in objects {
            for (key, value) in object.members {
                types[key] = merge(types[key] ?? .null, infer(value))
            }
        }
        return types.keys.sorted().map { ResultColumn(name: $0, type: settled(types[$0] ?? .null)) }
    }

    private static func infer(_ value: JSONValue) -> SQLType {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .int: .bigint
        case .number(let text): text.contains(".") || text.lowercased().contains("e") ? .double : .decimal(precision: 38, scale: 0)
        case .double: .double
        case .string: .string
        case .array(let items): .array(items.reduce(SQLType.null) { merge($0, infer($1)) })
        case .object(let object):
            .struct(object.members.sorted { $0.key < $1.key }.map { SQLStructField($0.key, infer($0.value)) })
        }
    }

    /// An inferred type with every part seen only as null typed STRING, as Spark's reader types it.
    private static func settled(_ type: SQLType) -> SQLType {
        switch type {
        case .null: .string
        case .array(let element): .array(settled(element))
        case .struct(let fields): .struct(fields.map { SQLStructField($0.name, settled($0.type)) })
        default: type
        }
    }

    private static func merge(_ a: SQLType, _ b: SQLType) -> SQLType {
        if a == b || b == .null { return a }
        if a == .null { return b }
        switch (a, b) {
        case (.bigint, .double), (.double, .bigint), (.decimal, .double), (.double, .decimal): return .double
        case (.bigint, .decimal), (.decimal, .bigint): return .decimal(precision: 38, scale: 0)
        case let (.array(x), .array(y)): return .array(merge(x, y))
        case let (.struct(x), .struct(y)):
            var fields = Dictionary(x.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
            for field in y { fields[field.name] = merge(fields[field.name] ?? .null, field.type) }
            return .struct(fields.keys.sorted().map { SQLStructField($0, fields[$0] ?? .string) })
        default: return .string
        }
    }
}
