import Operations

/// `dbapi check`'s table: one row per problem (where, operation, error class, message), then a summary; a message's first line only.
///
///     LOCATION               OPERATION        ERROR CLASS              MESSAGE
///     queries/a/b.sql:3:8    a/b              TABLE_OR_VIEW_NOT_FOUND  [TABLE_OR_VIEW_NOT_FOUND] The table …
///     1 problem; 7 queries checked
enum CheckTable {
    static func text(_ report: TemplateChecker.Report) -> String {
        var text = ""
        if !report.problems.isEmpty {
            let rows =
                [["LOCATION", "OPERATION", "ERROR CLASS", "MESSAGE"]]
                + report.problems.map { [$0.location, $0.operation, $0.errorClass, firstLine($0.message)] }
            let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                var line = ""
                for column in 0..<3 { line += row[column] + String(repeating: " ", count: widths[column] - row[column].count + 2) }
                text += line + row[3] + "\n"
            }
        }
        let problems = report.problems.count == 1 ? "1 problem" : "\(report.problems.count) problems"
        let queries = report.checked == 1 ? "1 query checked" : "\(report.checked) queries checked"
        text += (report.problems.isEmpty ? "no problems" : problems) + "; " + queries
        if !report.skipped.isEmpty {
            text += "; not checked (an identifier parameter without example or default): " + report.skipped.joined(separator: ", ")
        }
        return text + "\n"
    }

    /// A message's first line (a syntax error's statement and caret follow it; `--format json` has them).
    private static func firstLine(_ message: String) -> String {
        String(message.prefix { $0 != "\n" })
    }
}
