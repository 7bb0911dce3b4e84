import DBAPICore

/// The examples `dbapi test` runs, and running them `jobs` at a time with outcomes reported in
/// declaration order (operations by name, examples as declared).
public struct ExampleSuite: Sendable {
    /// Each example with its operation's name, in the order they are reported.
    public let examples: [(operation: String, example: OperationExample)]
    /// The selected operations that declare no examples.
    public let operationsWithoutExamples: [String]

    /// The examples of the named operations (all when `names` is empty).
    ///
    /// - Throws: `CatalogError.unknownOperation` for a name that is not an operation, and
    ///   `.invalidConfiguration` when the configuration has problems (`dbapi validate` lists them).
    public init(catalog: OperationCatalog, names: [String]) throws(CatalogError) {
        let issues = catalog.validateAll()
        guard issues.isEmpty else { throw .invalidConfiguration(issues) }
        var examples: [(String, OperationExample)] = []
        var without: [String] = []
        var seen = Set<String>()
        for name in names.isEmpty ? catalog.names : names where seen.insert(name).inserted {
            let operation = try catalog.operation(name)
            if operation.examples.isEmpty { without.append(name) }
            examples += operation.examples.map { (name, $0) }
        }
        self.examples = examples
        operationsWithoutExamples = without
    }

    /// Runs every example, at most `jobs` at once; `report` receives each outcome in order, as soon as
    /// it and every one before it are done.
    public func run(
        with tester: ExampleTester, jobs: Int, report: @Sendable (ExampleOutcome) -> Void
    ) async -> [ExampleOutcome] {
        var outcomes = [ExampleOutcome?](repeating: nil, count: examples.count)
        var reported = 0
        await withTaskGroup(of: (Int, ExampleOutcome).self) { group in
            var next = 0
            func start() {
                guard next < examples.count else { return }
                let (operation, example) = examples[next]
                let index = next
                group.addTask { (index, await tester.test(example, of: operation)) }
                next += 1
            }
            for _ in 0..<max(1, jobs) { start() }
            while let (index, outcome) = await group.next() {
                outcomes[index] = outcome
                while reported < outcomes.count, let ready = outcomes[reported] {
                    report(ready)
                    reported += 1
                }
                start()
            }
        }
        return outcomes.compactMap { $0 }
    }
}
