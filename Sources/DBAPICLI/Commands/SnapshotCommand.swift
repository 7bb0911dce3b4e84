import DBAPICore
import MockEngine
import Operations

/// `dbapi snapshot TABLE... [--for OP] --to DIR`: tables read from a warehouse (or the backend
/// `--backend` names) and written as mock data, one table at a time, each complete or not at all.
struct SnapshotCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        let arguments = invocation.arguments
        do throws(any Error) {
            let limit = try arguments.decode(.limit) { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
            let columns = arguments.value(.columns).map { $0.split(separator: ",").map { String($0).trimmingSpaces() } }
            let params = try ParameterSources(arguments, io: invocation.io).forQuery()
            let backend = try invocation.makeBackend(named: arguments.value(.backend) ?? "databricks")
            let directory = arguments.value(.to).map { $0.hasPrefix("/") ? $0 : invocation.io.currentDirectory + "/" + $0 } ?? "."
            var written: [JSONValue] = []
            for table in try tables() {
                var snapshot = TableSnapshot(table: table)
                snapshot.columns = columns
                snapshot.filter = arguments.value(.filter)
                snapshot.limit = limit
                snapshot.params = params
                invocation.log("snapshot \(table)")
                let result = try await snapshot.read(from: backend)
                let paths = try SnapshotFiles.write(result, table: table, to: directory)
                written.append(
                    .object(
                        JSONObject([
                            ("table", .string(table)), ("rows", .int(Int64(result.rows.count))),
                            ("files", .array([.string(paths.rows), .string(paths.schema)])),
                        ])))
            }
            return invocation.emit(
                invocation.withBackendFacts(.success(data: .object(JSONObject([("tables", .array(written))])), meta: invocation.baseMeta)))
        } catch {
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error, meta: invocation.baseMeta)))
        }
    }

    /// The tables named, then those `--for OP`'s templates read that were not named, each once.
    private func tables() throws -> [String] {
        var tables = invocation.arguments.positionals
        guard let name = invocation.arguments.value(.forOperation) else { return tables }
        for statement in try OperationStatements.representative(name, in: try invocation.catalog()) {
            for table in try SQLEngine.tablesRead(by: statement.inlinedSQL)
            where !tables.contains(where: { $0.lowercased() == table.lowercased() }) {
                tables.append(table)
            }
        }
        invocation.log("snapshot --for \(name): \(tables.joined(separator: ", "))")
        return tables
    }
}
