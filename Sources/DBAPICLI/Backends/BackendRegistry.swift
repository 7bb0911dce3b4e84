import DBAPICore
import Databricks
import MockEngine

/// The backends `--backend` can name, each with its factory. The `--backend` check and help come from
/// here; adding a backend is a target of its own plus one entry in `standard`.
public struct BackendRegistry: Sendable {
    /// One backend: its `--backend` name and how to make one from the run's settings.
    public struct Entry: Sendable {
        public let name: String
        public let make: @Sendable (BackendSettings) throws -> any SQLBackend

        public init(name: String, make: @escaping @Sendable (BackendSettings) throws -> any SQLBackend) {
            self.name = name
            self.make = make
        }
    }

    /// The backends, the default first.
    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// The backends the `dbapi` executable offers.
    public static let standard = BackendRegistry([
        Entry(name: "mock", make: MockBackend.make),
        Entry(name: "databricks", make: DatabricksBackend.make),
    ])

    func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The default backend's name.
    var defaultName: String { entries.first?.name ?? "mock" }

    /// `mock or databricks`, for messages.
    var choices: String { Self.list(entries.map(\.name), last: "or") }

    /// `mock (default) or databricks`, for help.
    var helpList: String {
        Self.list(entries.enumerated().map { $0.offset == 0 ? "\($0.element.name) (default)" : $0.element.name }, last: "or")
    }

    static func list(_ items: [String], last conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
    }
}
