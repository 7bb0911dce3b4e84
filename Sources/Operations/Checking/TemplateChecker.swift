import DBAPICore

/// `dbapi check`: every template of every operation bound with values of the declared types
/// (`CheckValues`) and planned, not run, by a `StatementPlanner` (the mock engine over the mock
/// data's schemas); each problem reported at its template's file:line:column with Spark's error class.
public struct TemplateChecker: Sendable {
    public let catalog: OperationCatalog
    public let plan: StatementPlanner

    public init(catalog: OperationCatalog, plan: @escaping StatementPlanner) {
        self.catalog = catalog
        self.plan = plan
    }

    /// What `check` found: the problems, the queries planned, and those it could not bind.
    public struct Report: Sendable {
        public var problems: [TemplateProblem] = []
        public var checked = 0
        /// `operation query` pairs not checked (an identifier parameter without example or default).
        public var skipped: [String] = []
    }

    /// Checks every operation (or the named ones); configuration problems come first, as
    /// `CONFIGURATION_ERROR`, and an operation with one is not planned.
    ///
    /// - Throws: `CatalogError.unknownOperation` for a name that is not an operation.
    public func check(_ names: [String] = []) throws(CatalogError) -> Report {
        for name in names where !catalog.names.contains(name) {
            throw .unknownOperation(name, suggestion: NameSuggestion.closest(to: name, among: catalog.names))
        }
        var report = Report()
        for issue in catalog.validateAll() where names.isEmpty || issue.operation.map(names.contains) == true {
            report.problems.append(
                TemplateProblem(
                    file: issue.file, line: issue.line, column: issue.column, operation: issue.operation ?? "", query: nil,
                    errorClass: ErrorCode.configuration.rawValue, message: issue.message))
        }
        for name in names.isEmpty ? catalog.names : names {
            guard let operation = try? catalog.operation(name) else { continue }  // its problems are reported above
            guard let values = CheckValues.values(for: operation) else {
                report.skipped += operation.queries.map { "\(name) \($0.name)" }
                continue
            }
            for query in operation.queries {
                report.checked += 1
                if let problem = check(query, of: operation, values: values) { report.problems.append(problem) }
            }
        }
        return report
    }

    private func check(_ query: QuerySpec, of operation: Operation, values: [String: SQLValue]) -> TemplateProblem? {
        let file = TemplateFile.relativePath(query.name) ?? "queries/\(query.name).sql"
        let sensitive = SensitiveValues(operation, raw: [:], values: values)
        func problem(_ place: (line: Int, column: Int)?, _ errorClass: String, _ message: String) -> TemplateProblem {
            TemplateProblem(
                file: file, line: place?.line, column: place?.column, operation: operation.name, query: query.name,
                errorClass: errorClass, message: sensitive.redact(message))
        }
        do {
            let template = try catalog.template(query)
            let bindings = OperationRunner.bindings(query, of: operation, template, values: values)
            let statement = try Binder.bind(template, name: query.name, bindings: bindings)
            guard let failure = plan(statement.inlinedSQL) else { return nil }
            let map = TemplateSourceMap(template, literals: try Binder.inlineTexts(template, bindings: bindings))
            return problem(map.locate(failure.place), failure.errorClass, failure.message)
        } catch {
            let reportable = error as? any ReportableError
            return problem(nil, reportable?.code.rawValue ?? ErrorCode.internal.rawValue, reportable?.description ?? "\(error)")
        }
    }
}
