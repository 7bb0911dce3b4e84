import DBAPICore
import Dispatch

/// The one updating line a long warehouse statement shows on a terminal's stderr: its state, the
/// time since the command started, and the chunks and rows fetched so far.
///
/// The line appears once the command has run for `delay` seconds (a quick command never shows it),
/// is redrawn every `interval` seconds, moves below anything else written to stdout or stderr
/// (they may be the same terminal), and is erased when the result has been read or the command ends.
/// It is never shown when stderr is not a terminal (logs and CI stay clean), on a `TERM=dumb`
/// terminal, or with `--quiet`; it is dimmed unless `NO_COLOR` is set.
final class ProgressLine: Sendable {
    static let delay = 0.5
    static let interval = 0.1

    private struct State {
        var progress: StatementProgress?
        /// The text on the terminal now ("" when the line is erased).
        var shown = ""
        var finished = false
        var timer: (any DispatchSourceTimer)?
    }

    private let state = LockedBox(State())
    /// Writes to the terminal, bypassing the erasing wrapper `wrap(_:)` puts around `IO`.
    private let draw: @Sendable (String) -> Void
    private let columns: @Sendable () -> Int?
    private let dim: Bool
    private let started = DispatchTime.now().uptimeNanoseconds

    private init(io: IO) {
        draw = io.stderr
        columns = io.stderrTerminalColumns
        dim = (io.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// A running progress line for a command, or nil when none is to be shown.
    static func start(io: IO, quiet: Bool) -> ProgressLine? {
        guard !quiet, io.environment["TERM"] != "dumb", io.stderrTerminalColumns() != nil else { return nil }
        let line = ProgressLine(io: io)
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { line.redraw() }
        line.state.withLock { $0.timer = timer }
        timer.resume()
        return line
    }

    /// `io` with every write erasing the line first and drawing it again after.
    func wrap(_ io: IO) -> IO {
        var wrapped = io
        let (stdout, stdoutBytes, stderr) = (io.stdout, io.stdoutBytes, io.stderr)
        wrapped.stdout = { text in self.erasing { stdout(text) } }
        wrapped.stdoutBytes = { bytes in self.erasing { stdoutBytes(bytes) } }
        wrapped.stderr = { text in self.erasing { stderr(text) } }
        return wrapped
    }

    /// Records the backend's latest progress; a result read to its end takes the line away.
    func update(_ progress: StatementProgress) {
        state.withLock { state in
            state.progress = progress
            if progress.isComplete { erase(&state) }
        }
    }

    /// Erases the line for good: the command is writing its outcome.
    func finish() {
        state.withLock { state in
            erase(&state)
            state.finished = true
            state.timer?.cancel()
            state.timer = nil
        }
    }

    /// The line for `progress` after `elapsed` seconds, cut to fit `columns` (a line that wrapped
    /// could not be redrawn in place).
    static func text(of progress: StatementProgress, elapsed: Double, columns: Int) -> String {
        let tenths = Int(max(0, min(elapsed, 1e9)) * 10)
        var parts = ["dbapi: \(progress.state)", "\(tenths / 10).\(tenths % 10) s"]
        if progress.totalChunks != nil || progress.chunksFetched > 0 {
            parts.append(count(progress.chunksFetched, of: progress.totalChunks, "chunks"))
            parts.append(count(progress.rowsFetched, of: progress.totalRows, "rows"))
        }
        parts.append("statement \(progress.statementID)")
        return String(parts.joined(separator: " · ").prefix(max(1, columns - 1)))
    }

    private static func count(_ done: Int, of total: Int?, _ noun: String) -> String {
        total.map { "\(done)/\($0) \(noun)" } ?? "\(done) \(noun)"
    }

    private func redraw() {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        state.withLock { state in
            guard !state.finished, let progress = state.progress, !progress.isComplete else { return }
            let text = Self.text(of: progress, elapsed: elapsed, columns: columns() ?? 80)
            if text != state.shown { show(text, &state) }
        }
    }

    /// Runs `write` with the line erased, and puts the line back under what it wrote.
    private func erasing(_ write: () -> Void) {
        state.withLock { state in
            let shown = state.shown
            erase(&state)
            write()
            if !shown.isEmpty { show(shown, &state) }
        }
    }

    private func show(_ text: String, _ state: inout State) {
        draw(dim ? "\r\u{1B}[2m\(text)\u{1B}[0m\u{1B}[K" : "\r\(text)\u{1B}[K")
        state.shown = text
    }

    private func erase(_ state: inout State) {
        guard !state.shown.isEmpty else { return }
        draw("\r\u{1B}[K")
        state.shown = ""
    }
}
