import DBAPICore
import Operations

/// Where one run's result goes: its rows as they arrive (the `RowSink` the application layer
/// streams to) and then its envelope, in the chosen format, on stdout. The outcome is written once:
/// by the command, or by a signal handler that claimed it first, after which the command's output
/// is dropped.
///
/// Line formats (ndjson, csv) reach stdout slice by slice. A json envelope is one document, so its
/// streamed rows are held (past 1 MiB, in a spool file) until the result is complete: memory stays flat, and a
/// failure midway still leaves stdout one clean error envelope.
final class EnvelopeOutput: RowSink {
    private struct State {
        var phase = Phase.open
        var format: any OutputFormat
        /// Rows handed to the format so far, once a result began streaming.
        var streamedRows: Int?
        /// Where streamed output waits until the result is complete (json), if anywhere.
        var held: Held = .nowhere
        /// Whether any of the streamed result reached stdout (a table waits for its last row).
        var wroteStreamed = false
        var buffer: [UInt8] = []
    }

    private enum Held {
        case nowhere
        /// In memory until it passes `spoolThreshold`; most documents end before (no file is made).
        case pending
        case spool(SpoolFile)
        /// The spool file could not be made: the document is held in memory.
        case memory
        case failed(DBAPIError)
    }

    enum Phase { case open, written, interrupted }

    /// Bytes of a held document kept in memory before they move to a spool file.
    static let spoolThreshold = 1 << 20

    private let state: LockedBox<State>
    private let io: IO
    private let kind: OutputFormatKind
    private let pretty: Bool

    init(format kind: OutputFormatKind, pretty: Bool, io: IO) {
        self.kind = kind
        self.pretty = pretty
        self.io = io
        state = LockedBox(State(format: kind.make(pretty: pretty)))
    }

    func begin(_ placement: RowPlacement) {
        state.withLock { state in
            guard state.phase == .open else { return }
            state.streamedRows = 0
            if state.format.isOneDocument { state.held = .pending }
            state.format.begin(placement, to: &state.buffer)
            flush(&state)
        }
    }

    func write(_ batch: RowBatch, rows: Range<Int>) {
        state.withLock { state in
            guard state.phase == .open else { return }
            state.format.write(.batch(batch, rows), to: &state.buffer)
            state.streamedRows = (state.streamedRows ?? 0) + rows.clamped(to: 0..<batch.count).count
            flush(&state)
        }
    }

    /// Writes the run's envelope (after its streamed rows, if they were) unless a signal settled the
    /// run first, and returns the exit status.
    func finish(_ envelope: Envelope) -> Int32 {
        state.withLock { state in
            guard state.phase == .open else { return envelope.exitStatus }
            state.phase = .written
            return write(envelope, &state)
        }
    }

    /// Claims the outcome for a signal unless the command already wrote its own; from then on the
    /// command's output is dropped.
    func claimForInterruption() -> Bool {
        state.withLock { state in
            guard state.phase == .open else { return state.phase == .interrupted }
            state.phase = .interrupted
            return true
        }
    }

    /// Whether a signal claimed the outcome.
    var isInterrupted: Bool { state.withLock { $0.phase == .interrupted } }

    /// Writes the outcome of an interrupted run and returns its exit status.
    func writeInterruption(_ envelope: Envelope) -> Int32 {
        state.withLock { write(envelope, &$0) }
    }

    /// A success finishes streamed rows (releasing held ones) or writes the collected result; an error
    /// is a JSON envelope on stdout (json and ndjson) and a line on stderr, after a note when streamed
    /// output already reached stdout.
    private func write(_ envelope: Envelope, _ state: inout State) -> Int32 {
        guard let error = envelope.error else {
            guard state.streamedRows != nil else {
                state.format.write(envelope, to: &state.buffer)
                flush(&state)
                return 0
            }
            state.format.finish(meta: envelope.meta, to: &state.buffer)
            flush(&state)
            return release(&state).map { write(.failure($0, meta: envelope.meta), &state) } ?? 0
        }
        state.buffer.removeAll()
        state.held = .nowhere  // rows held back are dropped: the error stands alone
        if let rows = state.streamedRows, state.wroteStreamed {
            io.stderr("Error: the output is incomplete: \(rows) rows were written before the failure below\n")
        }
        if kind == .json || kind == .ndjson {
            var json = JSONFormat(pretty: pretty)
            json.write(envelope, to: &state.buffer)
        }
        flush(&state)
        io.stderr("Error: \(error.description)\n")
        return envelope.exitStatus
    }

    /// Writes held output to stdout; the error when the spool failed.
    private func release(_ state: inout State) -> DBAPIError? {
        let held = state.held
        state.held = .nowhere
        switch held {
        case .nowhere: return nil
        case .failed(let error): return error
        case .memory, .pending:
            flush(&state)
            return nil
        case .spool(let spool):
            do {
                try spool.replay { io.stdoutBytes($0) }
                state.wroteStreamed = true
                return nil
            } catch {
                return error
            }
        }
    }

    /// Passes the buffer on: to stdout, or to where a whole document is held.
    private func flush(_ state: inout State) {
        guard !state.buffer.isEmpty else { return }
        switch state.held {
        case .memory, .failed: return
        case .pending:
            guard state.buffer.count >= Self.spoolThreshold else { return }
            do {
                state.held = .spool(try SpoolFile(directory: io.environment["TMPDIR"] ?? "/tmp"))
            } catch {
                state.held = .memory
                return
            }
            flush(&state)
            return
        case .spool(let spool):
            do {
                try spool.append(state.buffer)
            } catch {
                state.held = .failed(error)
            }
        case .nowhere:
            io.stdoutBytes(state.buffer)
            state.wroteStreamed = state.streamedRows != nil
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}
