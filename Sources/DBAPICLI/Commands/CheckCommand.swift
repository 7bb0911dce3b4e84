import DBAPICore
import MockEngine
import Operations
import SQLText

/// `dbapi check [OP...]`: plans every template with the mock engine against the mock data's schemas,
/// without running anything (the work is `TemplateChecker`'s); a table of problems, or with
/// `--format json` an envelope; exit 78 when there is any problem.
struct CheckCommand {
    let invocation: Invocation

    func execute() -> Int32 {
        let asJSON = invocation.global.formatGiven && invocation.format == .json
        if invocation.global.formatGiven, !asJSON, invocation.format != .table {
            let error = UsageError.invalidValue(
                option: Option.format.rawValue, value: invocation.format.rawValue, expected: "table or json")
            return Invocation.fail(usage: error, command: .check, correlationID: invocation.correlationID, io: invocation.io)
        }
        let report: TemplateChecker.Report
        do {
            let directory = invocation.execution.settings.mockData ?? invocation.root + "/config/mock-data"
            let engine = SQLEngine(catalog: try MockCatalog(directory: directory))
            let checker = TemplateChecker(catalog: try invocation.catalog()) { sql in
                do throws(EngineError) {
                    _ = try engine.explain(sql)
                    return nil
                } catch {
                    return error.planFailure
                }
            }
            report = try checker.check(invocation.arguments.positionals)
        } catch {
            return invocation.emit(.failure(reporting: error, meta: invocation.baseMeta))
        }
        let data = JSONObject([
            ("problems", .array(report.problems.map(\.json))), ("checked", .int(Int64(report.checked))),
            ("skipped", .array(report.skipped.map { .string($0) })),
        ])
        if asJSON {
            guard !report.problems.isEmpty else { return invocation.emit(.success(data: .object(data), meta: invocation.baseMeta)) }
            let count = report.problems.count == 1 ? "1 template problem" : "\(report.problems.count) template problems"
            let error = DBAPIError(
                .configuration, count + " (dbapi check)", details: data.members.reduce(into: [:]) { $0[$1.key] = $1.value })
            return invocation.emit(.failure(error, meta: invocation.baseMeta))
        }
        invocation.io.stdout(CheckTable.text(report))
        return report.problems.isEmpty ? 0 : ErrorCode.configuration.exitStatus
    }
}

extension EngineError {
    /// The error class, message and place `dbapi check` reports.
    fileprivate var planFailure: PlanFailure {
        let place: PlanFailure.Place =
            switch self {
            case let .syntax(_, line, column, _, _), let .nestingTooDeep(_, line, column): .position(line: line, column: column)
            case .unknownTable(let name, _), .unknownFunction(let name, _): .name(name)
            case .unknownColumn(let parts, _): .name(parts.joined(separator: "."))
            case .ambiguousColumn(let name, _): .name(name)
            case .wrongArgumentCount(let function, _, _): .name(function)
            case .typeMismatch(let expression, _), .notAggregated(let expression): .name(Self.leadingName(expression))
            case .analysis(_, let message) where message.hasPrefix("Cannot resolve \""),  // Spark's DATATYPE_MISMATCH.* form
                .classified(_, _, let message) where message.hasPrefix("Cannot resolve \""):
                .name(Self.leadingName(message.dropFirst("Cannot resolve \"".count)))
            case .unsupported(let what): .name(what.split(separator: " ").first.map(String.init) ?? what)
            case .invalidLimitLike: .after(keyword: description.contains("The offset expression") ? .offset : .limit)
            default: .unknown
            }
        return PlanFailure(errorClass: errorClass, message: description, place: place)
    }

    /// The first name in an expression's text (`date_add` of `date_add(1, 1)`), to find it in the template.
    private static func leadingName(_ expression: some StringProtocol) -> String {
        String(expression.drop { !$0.isLetter && $0 != "_" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}
