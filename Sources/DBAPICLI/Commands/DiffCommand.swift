import DBAPICore
import Operations

/// `dbapi diff (OP... | --all)`: the operations' statements on the mock and on Databricks, compared.
/// Exit status 0 when they agree, 1 when anything differs.
struct DiffCommand {
    let invocation: Invocation

    /// The backends compared, by their registry names: the mock on the left, the warehouse on the right.
    static let sides = (left: "mock", right: "databricks")

    func execute() async -> Int32 {
        do {
            let catalog = try invocation.catalog()
            let names = invocation.arguments.has(.all) ? catalog.names : invocation.arguments.positionals
            let raw = try ParameterSources(invocation.arguments, io: invocation.io).forOperation()
            let diff = OperationDiff(
                catalog: catalog, left: try invocation.makeBackend(named: Self.sides.left),
                right: try invocation.makeBackend(named: Self.sides.right))
            var reports: [OperationDiff.Report] = []
            for name in names {
                invocation.log("diff \(name)")
                // An operation that cannot run (unknown, misconfigured, parameters missing) is reported and
                // counts as a difference; the others are still compared.
                do {
                    guard invocation.arguments.has(.examples) else {
                        reports.append(try await diff.run(name, raw: raw))
                        continue
                    }
                    // Each declared example that should succeed, with its own parameters (expected errors stop
                    // before any statement runs).
                    for example in try catalog.operation(name).examples where example.expectedError == nil {
                        reports.append(try await diff.run(name, raw: example.rawParams, label: "\(name) [\(example.name)]"))
                    }
                } catch {
                    reports.append(.notCompared(name, error))
                }
            }
            let status: Int32 = reports.allSatisfy(\.isEqual) ? 0 : 1
            guard invocation.global.formatGiven else {
                invocation.io.stdout(reports.map { $0.text(left: Self.sides.left, right: Self.sides.right) }.joined())
                return status
            }
            let data = JSONObject([
                ("equal", .bool(status == 0)),
                ("operations", .array(reports.map { $0.json(left: Self.sides.left, right: Self.sides.right) })),
            ])
            _ = invocation.emit(invocation.withBackendFacts(.success(data: .object(data), meta: invocation.baseMeta)))
            return status
        } catch {
            return invocation.emit(invocation.withBackendFacts(.failure(reporting: error, meta: invocation.baseMeta)))
        }
    }
}
