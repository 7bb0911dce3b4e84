/// The text `dbapi test` prints: one line per example with its time (and, for a failure, the reason
/// and the diff below it, indented), then a summary.
///
///     ok      inventory/status kit-1001 (4 ms)
///     FAIL    inventory/status unknown-sku (3 ms)
///             snapshot config/snapshots/inventory/status/unknown-sku.json differs (1 difference):
///               data.total: expected 0, got 35
///     21 examples: 20 passed, 1 failed (0.18 s)
public enum TestReport {
    /// The lines for one outcome, each ending in a newline.
    public static func text(_ outcome: ExampleOutcome) -> String {
        let label =
            switch outcome.status {
            case .passed: "ok"
            case .failed: "FAIL"
            case .written: "written"
            case .updated: "updated"
            }
        var text = label.padding(8) + "\(outcome.operation) \(outcome.example) (\(milliseconds(outcome.seconds)))\n"
        if let message = outcome.message { text += String(repeating: " ", count: 8) + message + "\n" }
        for line in outcome.details { text += String(repeating: " ", count: 10) + line + "\n" }
        return text
    }

    /// The summary line: counts by status, and the wall time.
    public static func summary(_ outcomes: [ExampleOutcome], seconds: Double, withoutExamples: [String]) -> String {
        var counts: [String] = []
        for status in [ExampleOutcome.Status.passed, .failed, .written, .updated] {
            let count = outcomes.filter { $0.status == status }.count
            if count > 0 || status == .passed || status == .failed { counts.append("\(count) \(status.rawValue)") }
        }
        let noun = outcomes.count == 1 ? "example" : "examples"
        var text = "\(outcomes.count) \(noun): " + counts.joined(separator: ", ") + " (\(String(format: "%.2f", seconds)) s)\n"
        if !withoutExamples.isEmpty { text += "no examples: " + withoutExamples.joined(separator: ", ") + "\n" }
        return text
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds < 0.01 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.0f ms", seconds * 1000)
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
