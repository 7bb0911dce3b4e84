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

    /// Runs `dbapi` with `arguments` (without the program name).
    public static func run(arguments: [String], io: IO = .standard) async -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(arguments)
        } catch {
            return Invocation(arguments: ParsedArguments(), io: io).fail(usage: error, command: nil)
        }
        let invocation = Invocation(arguments: parsed, io: io)
        if parsed.has("--version"), parsed.command == nil {
            io.stdout("dbapi \(version)\n")
            return 0
        }
        guard let name = parsed.command else {
            if parsed.has("--help") {
                io.stdout(HelpText.main)
                return 0
            }
            return invocation.fail(usage: .missingCommand, command: nil)
        }
        if name == "help" {
            let topic = parsed.positionals.first
            guard let topic else {
                io.stdout(HelpText.main)
                return 0
            }
            guard let command = Command(rawValue: topic) else {
                return invocation.fail(usage: .unknownCommand(topic, suggestion: Command.suggestion(for: topic)), command: nil)
            }
            io.stdout(HelpText.text(for: command))
            return 0
        }
        guard let command = Command(rawValue: name) else {
            return invocation.fail(usage: .unknownCommand(name, suggestion: Command.suggestion(for: name)), command: nil)
        }
        if parsed.has("--help") {
            io.stdout(HelpText.text(for: command))
            return 0
        }
        do {
            try command.validate(parsed)
            try invocation.checkFormat()
        } catch {
            return invocation.fail(usage: error, command: command)
        }
        return await command.execute(invocation)
    }
}
