import DBAPICore
import Databricks
import Operations

/// The `dbapi` command line: parses arguments, runs one command, writes its envelope, and returns
/// the exit status. Everything is in-process, so tests call `run` directly.
public enum DBAPICommandLine {
    public static let version = "0.1.0"

    /// Process-wide settings for the `dbapi` executable, called first in `main` while it is the only
    /// thread (tests that call `run` leave their process as it is).
    public static func prepareProcess() {
        HeapTuning.useOneArena()
    }

    /// Runs `dbapi` with `arguments` (without the program name) on the given backends.
    public static func run(arguments: [String], io: IO = .standard, backends: BackendRegistry = .standard) async -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(arguments)
        } catch {
            return Invocation.fail(usage: error, command: nil, correlationID: GlobalOptions.correlationID(ParsedArguments()), io: io)
        }
        let fail = { (error: UsageError, command: Command?) in
            Invocation.fail(usage: error, command: command, correlationID: GlobalOptions.correlationID(parsed), io: io)
        }
        if parsed.has(.version), parsed.command == nil {
            io.stdout("dbapi \(version)\n")
            return 0
        }
        guard let name = parsed.command else {
            if parsed.has(.help) {
                io.stdout(HelpText.main)
                return 0
            }
            return fail(.missingCommand, nil)
        }
        if name == "help" {
            guard let topic = parsed.positionals.first else {
                io.stdout(HelpText.main)
                return 0
            }
            guard let command = Command(rawValue: topic) else {
                return fail(.unknownCommand(topic, suggestion: Command.suggestion(for: topic)), nil)
            }
            io.stdout(HelpText.text(for: command))
            return 0
        }
        guard let command = Command(rawValue: name) else {
            return fail(.unknownCommand(name, suggestion: Command.suggestion(for: name)), nil)
        }
        if parsed.has(.help) {
            io.stdout(HelpText.text(for: command))
            return 0
        }
        let invocation: Invocation
        do {
            try command.validate(parsed)
            invocation = try Invocation(arguments: parsed, io: io, backends: backends, showsProgress: command.showsProgress)
        } catch {
            return fail(error, command)
        }
        guard command.executes, io.handlesSignals else { return await command.execute(invocation) }
        return await SignalCancellation.run(invocation) { await command.execute(invocation) }
    }
}
