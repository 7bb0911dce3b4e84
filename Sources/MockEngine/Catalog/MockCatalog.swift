import DBAPICore
import Foundation

/// The tables the mock engine can query: files in a mock-data directory, loaded on first use.
///
/// `NAME.csv` or `NAME.jsonl`, with an optional `NAME.schema.json`. NAME may be dotted; a name with
/// fewer than three parts is completed with the default catalog and schema, so the file
/// `retail.products.csv` and the reference `main.retail.products` are the same table.
public final class MockCatalog: Sendable {
    struct TableFile: Sendable {
        var path: String
        var isJSONLines: Bool
        var schemaPath: String?
    }

    public let defaultCatalog: String
    public let defaultSchema: String
    private let files: [String: TableFile]
    private let loaded = LockedBox<[String: Table]>([:])

    /// Indexes `directory` (nothing is read until a table is used). A missing directory is empty.
    public init(directory: String?, defaultCatalog: String = "main", defaultSchema: String = "default") throws(EngineError) {
        self.defaultCatalog = defaultCatalog.lowercased()
        self.defaultSchema = defaultSchema.lowercased()
        var files: [String: TableFile] = [:]
        if let directory {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            var schemas: [String: String] = [:]
            for entry in entries where entry.hasSuffix(".schema.json") {
                schemas[Self.qualify(String(entry.dropLast(12)), defaultCatalog, defaultSchema)] = directory + "/" + entry
            }
            for entry in entries.sorted() {
                let isJSONLines = entry.hasSuffix(".jsonl")
                guard entry.hasSuffix(".csv") || isJSONLines else { continue }
                let base = String(entry.dropLast(isJSONLines ? 6 : 4))
                let name = Self.qualify(base, defaultCatalog, defaultSchema)
                if let existing = files[name] {
                    throw EngineError.dataFile(
                        file: entry, line: nil, column: nil, message: "table \(name) is also defined by \(existing.path)")
                }
                files[name] = TableFile(path: directory + "/" + entry, isJSONLines: isJSONLines, schemaPath: schemas[name])
            }
        }
        self.files = files
    }

    /// Registers in-memory tables (tests, benchmarks); they shadow files of the same name.
    public func register(_ table: Table) {
        loaded.withLock { $0[table.name] = table }
    }

    /// The fully qualified, lower-cased names of every known table.
    public var tableNames: [String] {
        Array(Set(files.keys).union(loaded.withLock { Set($0.keys) })).sorted()
    }

    static func qualify(_ dotted: String, _ catalog: String, _ schema: String) -> String {
        qualify(dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init), catalog, schema)
    }

    static func qualify(_ parts: [String], _ catalog: String, _ schema: String) -> String {
        var parts = parts.map { $0.lowercased() }
        if parts.count == 1 { parts.insert(schema.lowercased(), at: 0) }
        if parts.count == 2 { parts.insert(catalog.lowercased(), at: 0) }
        return parts.joined(separator: ".")
    }

    /// The table named by 1 to 3 parts, loading its file on first use.
    func table(_ parts: [String]) throws(EngineError) -> Table {
        let name = Self.qualify(parts, defaultCatalog, defaultSchema)
        if let table = loaded.withLock({ $0[name] }) { return table }
        guard parts.count <= 3, let file = files[name] else {
            let shortNames = tableNames.map {
                $0.hasPrefix(defaultCatalog + "." + defaultSchema + ".") ? String($0.split(separator: ".").last ?? "") : $0
            }
            throw EngineError.unknownTable(
                parts.joined(separator: "."),
                suggestion: NameSuggestion.closest(to: parts.joined(separator: "."), among: shortNames + tableNames))
        }
        let table = try load(file, name: name)
        loaded.withLock { $0[name] = table }
        return table
    }

    private func load(_ file: TableFile, name: String) throws(EngineError) -> Table {
        let displayName = (file.path as NSString).lastPathComponent
        var schema: TableSchema?
        if let schemaPath = file.schemaPath {
            let schemaName = (schemaPath as NSString).lastPathComponent
            let bytes = try read(schemaPath, displayName: schemaName)
            if let error = UTF8Validation.check(bytes, file: schemaName) { throw error }
            do {
                schema = try TableSchema.parse(try JSONParser.parse(bytes: bytes), file: schemaName)
            } catch let error as JSONParser.SyntaxError {
                throw EngineError.dataFile(file: schemaName, line: error.line, column: error.column, message: error.message)
            } catch let error as EngineError {
                throw error
            } catch {
                throw EngineError.dataFile(file: schemaName, line: nil, column: nil, message: "\(error)")
            }
        }
        let bytes = try read(file.path, displayName: displayName)
        if file.isJSONLines {
            return try JSONLTableLoader.load(bytes: bytes, file: displayName, name: name, schema: schema)
        }
        return try CSVTableLoader.load(bytes: bytes, file: displayName, name: name, schema: schema)
    }

    private func read(_ path: String, displayName: String) throws(EngineError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EngineError.dataFile(file: displayName, line: nil, column: nil, message: "cannot be read")
        }
        return [UInt8](data)
    }
}
