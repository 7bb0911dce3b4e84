import DBAPICore
import Foundation
import Operations

/// `dbapi test [OP...]`: runs the examples and compares them with their snapshots (the work is
/// `ExampleSuite` and `ExampleTester`'s); prints one line per example and a summary, writes JUnit XML
/// with `--junit`; exit 0 only when every example passes, 1 when any fails.
struct TestCommand {
    let invocation: Invocation

    func execute() async -> Int32 {
        let options: TestOptions
        do {
            options = try TestOptions(decoding: invocation.arguments, io: invocation.io)
        } catch {
            return Invocation.fail(usage: error, command: .test, correlationID: invocation.correlationID, io: invocation.io)
        }
        let started = ContinuousClock.now
        let suite: ExampleSuite
        let tester: ExampleTester
        do {
            let catalog = try invocation.catalog()
            suite = try ExampleSuite(catalog: catalog, names: invocation.arguments.positionals)
            let backend = try invocation.makeBackend()
            tester = ExampleTester(
                catalog: catalog, backend: backend, store: SnapshotStore(directory: options.snapshots, root: invocation.root),
                update: options.update, timeout: invocation.localTimeout(for: backend))
        } catch {
            return invocation.emit(.failure(reporting: error, meta: invocation.baseMeta))
        }
        let io = invocation.io
        let outcomes = await suite.run(with: tester, jobs: options.jobs) { io.stdout(TestReport.text($0)) }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        io.stdout(TestReport.summary(outcomes, seconds: seconds, withoutExamples: suite.operationsWithoutExamples))
        if let junit = options.junit {
            do {
                try Data(JUnitReport.xml(outcomes, seconds: seconds).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                let file = invocation.arguments.value(.junit) ?? junit
                return invocation.emit(
                    .failure(
                        DBAPIError(
                            .usage, "--junit \(file): cannot be written: \(error.localizedDescription)", details: ["file": .string(file)]),
                        meta: invocation.baseMeta))
            }
        }
        return outcomes.contains(where: \.isFailure) ? 1 : 0
    }
}
