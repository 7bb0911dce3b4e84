import DBAPICore

/// `dbapi diff`: each statement of an operation, bound once, runs on two backends (the mock and a
/// warehouse) and the results are compared (`ResultComparison`); sensitive values stay out of the
/// report.
public struct OperationDiff: Sendable {
    public let catalog: OperationCatalog
    public let left: any SQLBackend
    public let right: any SQLBackend

    public init(catalog: OperationCatalog, left: any SQLBackend, right: any SQLBackend) {
        self.catalog = catalog
        self.left = left
        self.right = right
    }

    /// One statement's differences.
    public struct QueryReport: Sendable {
        public let name: String
        public let differences: [ResultDifference]
        /// Row differences not listed (beyond `ResultComparison.reportedRows`).
        public let unreportedRows: Int
    }

    /// An operation's differences, statement by statement.
    public struct Report: Sendable {
        public let operation: String
        public let queries: [QueryReport]
        /// Why the operation could not be compared (its parameters, its configuration), if it could not.
        public let failure: (any ReportableError)?
        let sensitive: SensitiveValues

        init(operation: String, queries: [QueryReport], failure: (any ReportableError)? = nil, sensitive: SensitiveValues) {
            self.operation = operation
            self.queries = queries
            self.failure = failure
            self.sensitive = sensitive
        }

        /// A report for an operation that could not be compared.
        public static func notCompared(_ operation: String, _ error: any Error) -> Report {
            let reportable = error as? any ReportableError ?? DBAPIError(.internal, "unexpected error: \(error)")
            return Report(operation: operation, queries: [], failure: reportable, sensitive: SensitiveValues())
        }

        /// Whether both backends agree on every statement (an operation not compared never does).
        public var isEqual: Bool { failure == nil && queries.allSatisfy { $0.differences.isEmpty } }

        /// How many differences, listed or not.
        public var count: Int { queries.reduce(0) { $0 + $1.differences.count + $1.unreportedRows } }

        /// The report for `--format json`, backends named by `left` and `right`.
        public func json(left: String, right: String) -> JSONValue {
            let queries = self.queries.map { query in
                JSONValue.object(
                    JSONObject([
                        ("name", .string(query.name)),
                        ("differences", .array(query.differences.map { sensitive.redact($0.json(left: left, right: right)) })),
                        ("unreported_rows", .int(Int64(query.unreportedRows))),
                    ]))
            }
            var object = JSONObject([("operation", .string(operation)), ("equal", .bool(isEqual)), ("queries", .array(queries))])
            if let failure {
                object["error"] = .object(
                    JSONObject([("code", .string(failure.code.rawValue)), ("message", .string(failure.description))]))
            }
            return .object(object)
        }

        /// The report for people: a line for the operation, one per difference.
        public func text(left: String, right: String) -> String {
            if let failure { return "\(operation): not compared: \(failure.description)\n" }
            guard !isEqual else {
                return "\(operation): same on \(left) and \(right) (\(queries.count) statement\(queries.count == 1 ? "" : "s"))\n"
            }
            var text = "\(operation): \(count) difference\(count == 1 ? "" : "s") between \(left) and \(right)\n"
            for query in queries {
                for difference in query.differences {
                    text += "  \(query.name): " + sensitive.redact(difference.text(left: left, right: right)) + "\n"
                }
                if query.unreportedRows > 0 { text += "  \(query.name): \(query.unreportedRows) more row differences\n" }
            }
            return text
        }
    }

    /// Runs operation `name` with `raw` on both backends and compares each statement's results; the
    /// report is called `label` (an example's) or the operation's name.
    ///
    /// - Throws: what stops the operation before any statement runs (unknown operation, invalid
    ///   configuration or parameters), with sensitive values redacted.
    public func run(_ name: String, raw: [String: RawParam], label: String? = nil) async throws -> Report {
        let operation = try catalog.operation(name)
        var sensitive = SensitiveValues(operation, raw: raw)
        let statements: [BoundStatement]
        do {
            let values = try ParameterResolver.resolve(operation, raw: raw)
            sensitive = SensitiveValues(operation, raw: raw, values: values)
            statements = try operation.queries.map { query in
                try OperationRunner.bind(query, of: operation, values: values, catalog: catalog)
            }
        } catch {
            throw sensitive.redact(error)
        }
        var queries: [QueryReport] = []
        for statement in statements {
            async let leftResult = Self.outcome(statement, on: left)
            async let rightResult = Self.outcome(statement, on: right)
            let (a, b) = await (leftResult, rightResult)
            switch (a, b) {
            case let (.rows(x), .rows(y)):
                let comparison = ResultComparison(x, y, ordered: ResultComparison.isOrdered(statement.inlinedSQL))
                queries.append(
                    QueryReport(name: statement.name, differences: comparison.differences, unreportedRows: comparison.unreportedRows))
            case let (.failed(x), .failed(y)) where x.code == y.code:
                queries.append(QueryReport(name: statement.name, differences: [], unreportedRows: 0))
            default:
                let describe = { (outcome: Outcome) -> String? in
                    guard case .failed(let error) = outcome else { return nil }
                    return "failed with \(error.code.rawValue): \(error.description)"
                }
                queries.append(
                    QueryReport(name: statement.name, differences: [.error(left: describe(a), right: describe(b))], unreportedRows: 0))
            }
        }
        return Report(operation: label ?? name, queries: queries, sensitive: sensitive)
    }

    /// A statement's result on one backend, or its failure.
    private enum Outcome: Sendable {
        case rows(ResultSet)
        case failed(any ReportableError)
    }

    private static func outcome(_ statement: BoundStatement, on backend: any SQLBackend) async -> Outcome {
        do {
            return .rows(try await backend.execute(statement).collect())
        } catch let error as any ReportableError {
            return .failed(error)
        } catch {
            return .failed(DBAPIError(.internal, "unexpected error: \(error)"))
        }
    }
}
