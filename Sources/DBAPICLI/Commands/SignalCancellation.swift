import DBAPICore
import Dispatch
import Foundation

/// SIGINT and SIGTERM for the runs in this process. The dispatch sources are made once; each run
/// registers a handler while it runs and unregisters it afterwards, so several runs in one process
/// each hear the signal and none inherits another's state.
final class SignalHandlers: Sendable {
    typealias Handler = @Sendable (_ number: Int32, _ name: String) -> Void

    static let shared = SignalHandlers()

    private let handlers = LockedBox<[Int: Handler]>([:])
    private let nextID = LockedBox(0)
    private let sources = LockedBox<[any DispatchSourceSignal]>([])

    /// Calls `handler` on each SIGINT/SIGTERM until the returned id is unregistered.
    func register(_ handler: @escaping Handler) -> Int {
        installOnce()
        let id = nextID.withLock { next in
            defer { next += 1 }
            return next
        }
        handlers.withLock { $0[id] = handler }
        return id
    }

    func unregister(_ id: Int) { handlers.withLock { $0[id] = nil } }

    private func installOnce() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [handlers] in
                    for handler in handlers.withLock({ Array($0.values) }) { handler(number, name) }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

/// Runs a command so that SIGINT or SIGTERM cancels it: the backends cancel what they have in flight
/// (a warehouse statement keeps running unless cancelled), the command's task is cancelled, a CANCELED
/// envelope is written, and the status is 128 + the signal number (130, 143). A second signal stops
/// waiting for the backends.
enum SignalCancellation {
    /// How long the backends' `cancelAll` may take before the run ends anyway (a warehouse's wait for a
    /// statement id is at most 55 s, plus the cancel requests).
    static let cancelBudget = 70.0

    static func run(_ invocation: Invocation, _ body: @escaping @Sendable () async -> Int32) async -> Int32 {
        let outcome = FirstResult<Int32>()
        let work = Task {
            let status = await body()
            if !invocation.output.isInterrupted { outcome.finish(status) }
        }
        let signalled = LockedBox(false)
        let id = SignalHandlers.shared.register { number, name in
            let first = signalled.withLock { seen in
                defer { seen = true }
                return !seen
            }
            let interrupt: @Sendable () -> Void = {
                work.cancel()
                outcome.finish { canceled(invocation, signal: number, name: name) }
            }
            // A command that already wrote its outcome is finishing: the signal changes nothing.
            guard invocation.output.claimForInterruption() else { return }
            guard first else { return interrupt() }
            let backends = invocation.backendsInUse.withLock { $0 }
            for wait in backends.compactMap(\.cancellationWait) {
                invocation.io.stderr("dbapi: \(name): \(wait) (\(name) again exits now)\n")
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + cancelBudget) { interrupt() }
            Task.detached {
                for backend in backends { await backend.cancelAll() }
                interrupt()
            }
        }
        defer { SignalHandlers.shared.unregister(id) }
        return await outcome.value
    }

    /// Writes the CANCELED envelope (with the backends' facts: the statements cancelled) and returns
    /// the exit status for the signal.
    private static func canceled(_ invocation: Invocation, signal number: Int32, name: String) -> Int32 {
        invocation.progress?.finish()
        let error = DBAPIError(.canceled, "interrupted by \(name); everything in flight was canceled")
        _ = invocation.output.writeInterruption(invocation.withBackendFacts(.failure(error, meta: invocation.baseMeta)))
        return 128 + number
    }
}

/// The first of several racing results; later ones are ignored.
final class FirstResult<Value: Sendable>: Sendable {
    private struct State {
        var claimed = false
        var value: Value?
        var waiter: CheckedContinuation<Value, Never>?
    }

    private let state = LockedBox(State())

    /// Settles the result with `value` unless it is settled already.
    func finish(_ value: Value) { finish { value } }

    /// Settles the result with what `make` returns, calling it only if the result is not settled yet.
    func finish(_ make: () -> Value) {
        let first = state.withLock { state in
            defer { state.claimed = true }
            return !state.claimed
        }
        guard first else { return }
        let value = make()
        let waiter = state.withLock { state in
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    /// The result, once settled.
    var value: Value {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Value? in
                    if let value = state.value { return value }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
