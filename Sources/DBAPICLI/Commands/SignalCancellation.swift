import DBAPICore
import Databricks
import Dispatch
import Foundation
import Operations

/// On SIGINT or SIGTERM while statements run on a warehouse: cancel them there, print a CANCELED
/// envelope, and exit with 128 + the signal number (130, 143). Abandoning a statement would not stop it,
/// so a signal that arrives while an execute request is still waiting for its statement id waits for
/// that id (up to the backend's `submissionGrace`); a second signal exits at once.
enum SignalCancellation {
    private static let sources = LockedBox<[any DispatchSourceSignal]>([])
    private static let signalled = LockedBox(false)
    private static let exiting = LockedBox(false)
    /// How long cancel requests may take once the ids are known.
    private static let cancelBudget = 10.0

    static func install(for backend: DatabricksBackend, _ invocation: Invocation) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let first = signalled.withLock { seen in
                    defer { seen = true }
                    return !seen
                }
                guard first else {
                    finish(backend, invocation, signal: number, name: name)
                    return
                }
                let grace = backend.submissionGrace
                if backend.isSubmitting {
                    invocation.io.stderr(
                        "dbapi: \(name): waiting up to \(Int(grace)) s for the warehouse to return the statement id, to cancel it "
                            + "(\(name) again exits now)\n")
                }
                DispatchQueue.global().asyncAfter(deadline: .now() + grace + cancelBudget) {
                    finish(backend, invocation, signal: number, name: name)
                }
                Task.detached {
                    await backend.cancelAll()
                    finish(backend, invocation, signal: number, name: name)
                }
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// Prints the CANCELED envelope and exits; only the first caller does.
    private static func finish(_ backend: DatabricksBackend, _ invocation: Invocation, signal number: Int32, name: String) {
        guard
            exiting.withLock({ exiting in
                defer { exiting = true }
                return !exiting
            })
        else { return }
        let ids = backend.statementIDs
        let error = DatabricksError.interrupted(statementID: ids.last, signal: name)
        var meta = invocation.baseMeta
        meta["statement_ids"] = .array(ids.map { .string($0) })
        _ = invocation.emit(.failure(error, meta: meta))
        exit(128 + number)
    }
}
