import DBAPICore

/// Builds a `Table` from JSON Lines: one object per line keyed by column name.
///
/// Without a schema the columns are every key seen, sorted by name as Spark's JSON reader does,
/// typed BIGINT, DOUBLE, BOOLEAN, STRING or ARRAY; integers stay exact. Column names are
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
                guard let value = JSONToSQL.convert(json, to: column.type) else {
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
        return types.keys.sorted().map { ResultColumn(name: $0, type: types[$0] == .null ? .string : types[$0] ?? .string) }
    }

    private static func infer(_ value: JSONValue) -> SQLType {
        switch value {
        case .null: .null
        case .bool: .boolean
        case .int: .bigint
        case .number(let text): text.contains(".") || text.lowercased().contains("e") ? .double : .decimal(precision: 38, scale: 0)
        case .double: .double
        case .string: .string
        case .array(let items):
            .array(elementType(items))
        case .object: .string
        }
    }

    private static func elementType(_ items: [JSONValue]) -> SQLType {
        let element = items.reduce(SQLType.null) { merge($0, infer($1)) }
        return element == .null ? .string : element
    }

    private static func merge(_ a: SQLType, _ b: SQLType) -> SQLType {
        if a == b || b == .null { return a }
        if a == .null { return b }
        switch (a, b) {
        case (.bigint, .double), (.double, .bigint), (.decimal, .double), (.double, .decimal): return .double
        case (.bigint, .decimal), (.decimal, .bigint): return .decimal(precision: 38, scale: 0)
        case let (.array(x), .array(y)): return .array(merge(x, y))
        default: return .string
        }
    }
}

/// Converts JSON values to SQL values of a declared type, exactly.
enum JSONToSQL {
    static func convert(_ json: JSONValue, to type: SQLType) -> SQLValue? {
        switch json {
        case .null: return .null
        case .string(let text): return SQLValue.parse(text, as: type)
        case .bool(let flag):
            switch type {
            case .boolean: return .bool(flag)
            case .string: return .string(flag ? "true" : "false")
            default: return nil
            }
        case .int(let number):
            if type == .string { return .string(String(number)) }
            return SQLValue.parse(String(number), as: type)
        case .number(let text):
            if type == .string { return .string(text) }
            return SQLValue.parse(text, as: type)
        case .double(let number):
            return type == .double || type == .float ? .double(number) : SQLValue.parse("\(number)", as: type)
        case .array(let items):
            guard case .array(let element) = type else {
                return type == .string ? .string(JSONWriter().string(json)) : nil
            }
            var values: [SQLValue] = []
            for item in items {
                guard let value = convert(item, to: element) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .object:
            return type == .string ? .string(JSONWriter().string(json)) : nil
        }
    }
}
