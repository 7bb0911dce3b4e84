import DBAPICore
import Foundation
import SQLText

/// Every operation under a root directory: `config/operations.json` and `config/operations/*.json`,
/// with templates in `queries/**/*.sql`. Config files are parsed at once (they are small); a
/// template is read only when an operation that uses it is validated or run.
public final class OperationCatalog: Sendable {
    /// One operation's declaration as read from its file, parsed into an `Operation` on first use.
    struct Declaration: Sendable {
        var file: String
        var line: Int?
        var json: JSONValue
    }

    public let root: String
    private let declarations: [String: Declaration]
    /// Problems found while reading config files (syntax, duplicates).
    private let fileIssues: [ConfigIssue]
    private let parsed = LockedBox<[String: (operation: Operation?, issues: [ConfigIssue])]>([:])
    private let templates = LockedBox<[String: Template]>([:])

    /// Loads the config files under `root`.
    ///
    /// - Throws: `CatalogError.noConfiguration` when there is no config file at all.
    public init(root: String) throws(CatalogError) {
        self.root = root
        let fileManager = FileManager.default
        var files: [String] = []
        if fileManager.fileExists(atPath: root + "/config/operations.json") { files.append("config/operations.json") }
        let directory = root + "/config/operations"
        if let entries = try? fileManager.contentsOfDirectory(atPath: directory) {
            files += entries.filter { $0.hasSuffix(".json") }.sorted().map { "config/operations/" + $0 }
        }
        guard !files.isEmpty else { throw .noConfiguration(root: root) }
        var declarations: [String: Declaration] = [:]
        var issues: [ConfigIssue] = []
        for file in files {
            guard let data = fileManager.contents(atPath: root + "/" + file) else {
                issues.append(ConfigIssue(file: file, message: "cannot be read"))
                continue
            }
            let bytes = [UInt8](data)
            do {
                try StrictUTF8.validate(bytes)
            } catch {
                issues.append(ConfigIssue(file: file, line: error.line, column: error.column, message: error.message))
                continue
            }
            let json: JSONValue
            do {
                let parsed = try JSONParser.parseReportingDuplicateKeys(bytes: bytes)
                json = parsed.value
                issues += parsed.duplicateKeys.map { Self.issue(duplicate: $0, file: file) }
            } catch {
                issues.append(ConfigIssue(file: file, line: error.line, column: error.column, message: "invalid JSON: \(error.message)"))
                continue
            }
            guard case .object(let object) = json else {
                issues.append(ConfigIssue(file: file, line: 1, message: "expected an object of operation name → declaration"))
                continue
            }
            for (name, declaration) in object.members {
                let line = object.line(of: name)
                if name == "$schema" {
                    // The JSON Schema an editor checks the file against (`dbapi schema`), not an operation.
                    if declaration.string == nil {
                        issues.append(ConfigIssue(file: file, line: line, message: "$schema must be a string (a path or URL)"))
                    }
                    continue
                }
                if name.utf8.contains(0) {
                    let quoted = JSONWriter().string(.string(name))
                    issues.append(ConfigIssue(file: file, line: line, message: "operation name \(quoted) contains a NUL character"))
                    continue
                }
                if let existing = declarations[name] {
                    issues.append(
                        ConfigIssue(
                            file: file, line: line, operation: name,
                            message:
                                "operation is defined twice: in \(existing.file)\(existing.line.map { ":\($0)" } ?? "") and in \(file)\(line.map { ":\($0)" } ?? "")"
                        ))
                    continue
                }
                declarations[name] = Declaration(file: file, line: line, json: declaration)
            }
        }
        self.declarations = declarations
        self.fileIssues = issues
    }

    /// A key repeated in one object of a config file, as a problem of the operation it is in (a
    /// top-level repeat is an operation defined twice in the file).
    private static func issue(duplicate: JSONDuplicateKey, file: String) -> ConfigIssue {
        guard let operation = duplicate.path.first else {
            return ConfigIssue(
                file: file, line: duplicate.line, column: duplicate.column, operation: duplicate.key,
                message: "operation is defined twice in this file: at lines \(duplicate.firstLine) and \(duplicate.line)")
        }
        return ConfigIssue(
            file: file, line: duplicate.line, column: duplicate.column, operation: operation, message: duplicate.description)
    }

    /// Operation names, sorted.
    public var names: [String] { declarations.keys.sorted() }

    /// Parses one declaration (once) and returns it with its declaration problems.
    private func parse(_ name: String) -> (operation: Operation?, issues: [ConfigIssue]) {
        if let cached = parsed.withLock({ $0[name] }) { return cached }
        guard let declaration = declarations[name] else { return (nil, []) }
        var parser = OperationParser(file: declaration.file)
        let operation = parser.parse(name: name, json: declaration.json, line: declaration.line)
        let result = (operation, parser.issues)
        parsed.withLock { $0[name] = result }
        return result
    }

    /// Problems of one operation found without reading templates.
    private func declarationIssues(_ name: String) -> [ConfigIssue] {
        fileIssues.filter { $0.operation == name } + parse(name).issues
    }

    /// The operation called `name`, checked (templates included) and ready to run.
    ///
    /// - Throws: `CatalogError.unknownOperation`, or `.invalidConfiguration` with its problems.
    public func operation(_ name: String) throws(CatalogError) -> Operation {
        guard declarations[name] != nil else { throw .unknownOperation(name, suggestion: NameSuggestion.closest(to: name, among: names)) }
        let ownIssues = declarationIssues(name)
        guard var operation = parse(name).operation else { throw .invalidConfiguration(ownIssues) }
        let issues = ownIssues + validateTemplates(of: operation)
        guard issues.isEmpty else { throw .invalidConfiguration(issues) }
        for index in operation.queries.indices {
            let query = operation.queries[index]
            operation.queries[index].takesLimit = templates.withLock { $0[query.name] }.map { Pagination.pages(query, $0) } ?? false
        }
        return operation
    }

    /// The declaration of `name` without reading its templates (for `describe`).
    public func declaration(_ name: String) throws(CatalogError) -> Operation {
        guard declarations[name] != nil else { throw .unknownOperation(name, suggestion: NameSuggestion.closest(to: name, among: names)) }
        guard let operation = parse(name).operation else { throw .invalidConfiguration(declarationIssues(name)) }
        return operation
    }

    /// The declaration of `name` without reading its templates, refused when the declaration itself
    /// has problems (a repeated key, an unknown type), so `describe` never presents them as valid.
    public func validDeclaration(_ name: String) throws(CatalogError) -> Operation {
        let operation = try declaration(name)
        let issues = declarationIssues(name)
        guard issues.isEmpty else { throw .invalidConfiguration(issues) }
        return operation
    }

    /// Every problem in the whole configuration, templates included.
    public func validateAll() -> [ConfigIssue] {
        fileIssues
            + names.flatMap { name in
                let (operation, issues) = parse(name)
                return issues + (operation.map(validateTemplates(of:)) ?? [])
            }
    }

    /// The parsed template of a query.
    public func template(_ query: QuerySpec) throws(CatalogError) -> Template {
        if let cached = templates.withLock({ $0[query.name] }) { return cached }
        let (template, issues) = loadTemplate(query.name, operation: nil)
        guard let template else { throw .invalidConfiguration(issues) }
        return template
    }

    private func loadTemplate(_ name: String, operation: String?) -> (Template?, [ConfigIssue]) {
        if let cached = templates.withLock({ $0[name] }) { return (cached, []) }
        let text: String
        switch TemplateFile.read(name, root: root) {
        case .text(let contents): text = contents
        case .problem(let issue):
            return (
                nil, [ConfigIssue(file: issue.file, line: issue.line, column: issue.column, operation: operation, message: issue.message)]
            )
        }
        do {
            let template = try Template(parsing: text)
            templates.withLock { $0[name] = template }
            return (template, [])
        } catch {
            let relative = TemplateFile.relativePath(name) ?? "queries/"
            return (
                nil, [ConfigIssue(file: relative, line: error.line, column: error.column, operation: operation, message: error.description)]
            )
        }
    }

    /// Checks that each query's template exists and every marker is bound to a parameter.
    func validateTemplates(of operation: Operation) -> [ConfigIssue] {
        var issues: [ConfigIssue] = []
        var usesLimit = false
        for query in operation.queries {
            let (template, loadIssues) = loadTemplate(query.name, operation: operation.name)
            issues += loadIssues
            guard let template, let relative = TemplateFile.relativePath(query.name) else { continue }
            if Pagination.pages(query, template) { usesLimit = true }
            for marker in template.markers {
                let source = query.source(ofMarker: marker.name) ?? marker.name
                if operation.param(named: source) == nil {
                    issues.append(
                        ConfigIssue(
                            file: relative, line: marker.line, column: marker.column, operation: operation.name,
                            message: "marker :\(marker.name) is not mapped to any parameter (add it to params_map or params)"))
                }
            }
        }
        if operation.pagination != nil, !usesLimit {
            issues.append(
                ConfigIssue(
                    file: operation.file, line: operation.line, operation: operation.name,
                    message: "pagination is declared but no query uses the :limit marker"))
        }
        return issues
    }
}
