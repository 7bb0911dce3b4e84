import DBAPICore
import Databricks
import Dispatch
import Foundation
import Operations

/// On SIGINT or SIGTERM while statements run on a warehouse: cancel them there, print a CANCELED
/// envelope, and exit with 128 + the signal number (130, 143). Abandoning a statement would not stop it.
enum SignalCancellation {
    private static let sources = LockedBox<[any DispatchSourceSignal]>([])

    static func install(for backend: DatabricksBackend, _ invocation: Invocation) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let semaphore = DispatchSemaphore(value: 0)
                Task.detached {
                    await backend.cancelAll()
                    semaphore.signal()
                }
                _ = semaphore.wait(timeout: .now() + 10)
                let ids = backend.statementIDs
                let error = DatabricksError.interrupted(statementID: ids.last, signal: name)
                var meta = invocation.baseMeta
                meta["statement_ids"] = .array(ids.map { .string($0) })
                _ = invocation.emit(.failure(error, meta: meta))
                exit(128 + number)
            }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }
}
