import Foundation

/// JUnit XML for `dbapi test --junit FILE`, in the shape GitHub Actions (test reporter actions),
/// GitLab (`artifacts:reports:junit`) and Azure DevOps (`PublishTestResults@2`, JUnit format) read:
/// one `testsuite` per operation, one `testcase` per example (`classname` the operation), and a
/// `failure` element whose `message` is the one-line reason and whose text is the reason and diff.
///
///     <testsuites name="dbapi test" tests="2" failures="1" errors="0" time="0.012">
///       <testsuite name="inventory/status" tests="2" failures="1" errors="0" skipped="0" time="0.012">
///         <testcase name="kit-1001" classname="inventory/status" time="0.004"/>
///         <testcase name="bad" classname="inventory/status" time="0.008">
///           <failure message="expected INVALID_PARAMETER, but the example succeeded" type="dbapi.test">…</failure>
///         </testcase>
///       </testsuite>
///     </testsuites>
public enum JUnitReport {
    /// The XML document for `outcomes`, which took `seconds` in all.
    public static func xml(_ outcomes: [ExampleOutcome], seconds: Double) -> String {
        var operations: [String] = []
        for outcome in outcomes where !operations.contains(outcome.operation) { operations.append(outcome.operation) }
        let failures = outcomes.filter(\.isFailure).count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml +=
            "<testsuites name=\"dbapi test\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(time(seconds))\">\n"
        for operation in operations {
            let cases = outcomes.filter { $0.operation == operation }
            let suiteTime = cases.reduce(0) { $0 + $1.seconds }
            xml +=
                "  <testsuite name=\"\(escape(operation))\" tests=\"\(cases.count)\" failures=\"\(cases.filter(\.isFailure).count)\" errors=\"0\" skipped=\"0\" time=\"\(time(suiteTime))\">\n"
            for outcome in cases {
                let opening =
                    "    <testcase name=\"\(escape(outcome.example))\" classname=\"\(escape(operation))\" time=\"\(time(outcome.seconds))\""
                guard outcome.isFailure, let message = outcome.message else {
                    xml += opening + "/>\n"
                    continue
                }
                let body = ([message] + outcome.details).joined(separator: "\n")
                let summary = message + (outcome.details.first.map { " " + $0 } ?? "")
                xml += opening + ">\n"
                xml += "      <failure message=\"\(escape(summary))\" type=\"dbapi.test\">\(escape(body, inAttribute: false))</failure>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func time(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// Text safe in an attribute or element: markup characters as entities, line breaks in
    /// attributes kept as character references, characters XML 1.0 cannot hold as U+FFFD.
    static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
