import DBAPICore

/// Builds a `Table` from CSV bytes, typed by a schema sidecar or by inference.
enum CSVTableLoader {
    static func load(bytes: [UInt8], file: String, name: String, schema: TableSchema?) throws(EngineError) -> Table {
        let reader = try CSVReader(bytes: bytes, file: file)
        let header = reader.header
        var seen = Set<String>()
        for (position, column) in header.enumerated() {
            guard !column.isEmpty else {
                throw EngineError.dataFile(file: file, line: 1, column: position + 1, message: "the header has an empty column name")
            }
            guard seen.insert(column.lowercased()).inserted else {
                throw EngineError.dataFile(file: file, line: 1, column: position + 1, message: "duplicate column name '\(column)'")
            }
        }
        let columns: [ResultColumn]
        let sourceIndex: [Int]
        if let schema {
            columns = schema.columns
            let positions = Dictionary(header.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
            var mapping: [Int] = []
            for column in schema.columns {
                guard let position = positions[column.name.lowercased()] else {
                    throw EngineError.dataFile(
                        file: file, line: 1, column: nil, message: "the header has no column '\(column.name)' declared in the schema")
                }
                mapping.append(position)
            }
            let declared = Set(schema.columns.map { $0.name.lowercased() })
            if let extra = header.first(where: { !declared.contains($0.lowercased()) }) {
                throw EngineError.dataFile(file: file, line: 1, column: nil, message: "column '\(extra)' is not declared in the schema")
            }
            sourceIndex = mapping
        } else {
            var inference = [TypeInference](repeating: TypeInference(), count: header.count)
            for record in 0..<reader.recordCount {
                for column in 0..<header.count {
                    let field = reader.field(record: record, column: column)
                    guard field.isQuoted || field.start != field.end else { continue }
                    if field.isQuoted {
                        inference[column].observe(Array((reader.text(field) ?? "").utf8)[...])
                    } else {
                        inference[column].observe(reader.bytes[field.start..<field.end])
                    }
                }
            }
            columns = zip(header, inference).map { ResultColumn(name: $0, type: $1.inferred) }
            sourceIndex = Array(header.indices)
        }
        var rows: [Row] = []
        rows.reserveCapacity(reader.recordCount)
        for record in 0..<reader.recordCount {
            var row: Row = []
            row.reserveCapacity(columns.count)
            for (position, column) in columns.enumerated() {
                let field = reader.field(record: record, column: sourceIndex[position])
                row.append(
                    try convert(field, reader: reader, type: column.type) { () -> EngineError in
                        EngineError.dataFile(
                            file: file, line: reader.recordLines[record], column: sourceIndex[position] + 1,
                            message:
                                "value '\(excerpt(reader.text(field) ?? ""))' is not a valid \(column.type) for column '\(column.name)'")
                    })
            }
            rows.append(row)
        }
        return Table(name: name, columns: columns, rows: rows)
    }

    private static func convert(
        _ field: CSVReader.Field, reader: CSVReader, type: SQLType, failure: () -> EngineError
    ) throws(EngineError) -> SQLValue {
        if !field.isQuoted {
            if field.start == field.end { return .null }
            let bytes = reader.bytes[field.start..<field.end]
            switch type {
            case _ where type.isIntegral:
                guard let number = TypeInference.parseInteger(bytes), type.integralRange?.contains(number) == true else {
                    throw failure()
                }
                return .int(number)
            case .date:
                if let days = bytes.withUnsafeBufferPointer(CivilTime.parseDate(bytes:)) { return .date(days) }
            case .timestamp:
                if let micros = bytes.withUnsafeBufferPointer({ CivilTime.parseTimestamp(bytes: $0) }) { return .timestamp(micros) }
            default:
                break
            }
        }
        guard let text = reader.text(field) else { return .null }
        if type == .string { return .string(text) }
        if type.isNested {  // a cell holding the value's JSON form
            guard let json = try? JSONParser.parse(text), let value = SQLValue(json: json, as: type) else { throw failure() }
            return value
        }
        guard let value = SQLValue.parse(text, as: type) else { throw failure() }
        return value
    }
}
