import DBAPICore

/// Runs one example and compares its snapshot document with the stored snapshot; with `update`,
/// writes it when it is new or differs.
public struct ExampleTester: Sendable {
    public let catalog: OperationCatalog
    public let backend: any SQLBackend
    public let store: SnapshotStore
    public let update: Bool
    /// The time allowed for each example (nil: none, or the backend enforces it).
    public let timeout: Double?

    public init(catalog: OperationCatalog, backend: any SQLBackend, store: SnapshotStore, update: Bool, timeout: Double?) {
        self.catalog = catalog
        self.backend = backend
        self.store = store
        self.update = update
        self.timeout = timeout
    }

    /// Runs `example` of `operation` and says how it ended; never throws.
    public func test(_ example: OperationExample, of operation: String) async -> ExampleOutcome {
        let started = ContinuousClock.now
        let (status, message, details) = await outcome(example, of: operation)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return ExampleOutcome(
            operation: operation, example: example.name, status: status, seconds: seconds, message: message, details: details)
    }

    private func outcome(_ example: OperationExample, of operation: String) async -> (ExampleOutcome.Status, String?, [String]) {
        guard let relative = store.relativePath(operation: operation, example: example.name) else {
            return (.failed, "the operation name '\(operation)' cannot be a snapshot path (an empty, '.' or '..' part)", [])
        }
        let recorder = ResultRecorder()
        let runner = OperationRunner(catalog: catalog, backend: backend)
        let envelope: Envelope
        do {
            envelope = try await Deadline.run(seconds: timeout) {
                await runner.run(operation, raw: example.rawParams, meta: JSONObject(), observing: recorder.observer)
            }
        } catch {
            envelope = .failure(reporting: error, meta: JSONObject())
        }
        let document: JSONValue
        switch (envelope.error, example.expectedError) {
        case (nil, nil):
            document = SnapshotDocument.success(operation: operation, example: example, data: envelope.data, recorded: recorder.recorded)
        case let (error?, expected?) where error.code == expected:
            document = SnapshotDocument.failure(operation: operation, example: example, code: expected)
        case (nil, let expected?):
            return (.failed, "expected \(expected.rawValue), but the example succeeded", [])
        case let (error?, expected?):
            return (.failed, "expected \(expected.rawValue), got \(error.code.rawValue): \(error.description)", [])
        case (let error?, nil):
            return (.failed, "failed with \(error.code.rawValue): \(error.description)", [])
        }
        return compare(SnapshotDocument.text(document), with: relative)
    }

    private func compare(_ text: String, with relative: String) -> (ExampleOutcome.Status, String?, [String]) {
        let shown = store.displayPath(relative)
        guard let stored = store.read(relative) else {
            guard update else { return (.failed, "no snapshot \(shown) (run 'dbapi test --update' to write it)", []) }
            return write(text, relative, as: .written)
        }
        if stored == Array(text.utf8) { return (.passed, nil, []) }
        if update { return write(text, relative, as: .updated) }
        guard let expected = try? JSONParser.parse(bytes: stored) else {
            return (.failed, "snapshot \(shown) is not valid JSON (run 'dbapi test --update' to rewrite it)", [])
        }
        let actual = (try? JSONParser.parse(text)) ?? .null
        let lines = SnapshotDiff.lines(expected: expected, actual: actual)
        guard !lines.isEmpty else {
            return (.failed, "snapshot \(shown) holds the same values written differently (run 'dbapi test --update')", [])
        }
        let count = lines.count == 1 ? "1 difference" : "\(lines.count) differences"
        return (.failed, "snapshot \(shown) differs (\(count)):", lines)
    }

    private func write(_ text: String, _ relative: String, as status: ExampleOutcome.Status) -> (ExampleOutcome.Status, String?, [String]) {
        do {
            try store.write(text, to: relative)
            return (status, nil, [])
        } catch {
            return (.failed, "cannot write snapshot \(store.displayPath(relative)): \(error.localizedDescription)", [])
        }
    }
}
