import DBAPICore

/// Reads one operation's JSON declaration into an `Operation`, collecting every problem.
struct OperationParser {
    let file: String
    var issues: [ConfigIssue] = []

    init(file: String) { self.file = file }

    mutating func parse(name: String, json: JSONValue, line: Int?) -> Operation? {
        func issue(_ message: String, line issueLine: Int? = line) {
            issues.append(ConfigIssue(file: file, line: issueLine, operation: name, message: message))
        }
        guard case .object(let object) = json else {
            issue("expected an object, got \(json.kindName)")
            return nil
        }
        var kind = OperationKind.simple
        if let type = object["type"] {
            if let named = type.string.flatMap(OperationKind.init(rawValue:)) {
                kind = named
            } else {
                issue("unknown operation type \(JSONWriter().string(type)); the only type is \"simple\"", line: object.line(of: "type"))
            }
        }
        var params: [ParamSpec] = []
        let declaresParams = object["params"] != nil
        if let paramsJSON = object["params"] {
            if case .object(let declared) = paramsJSON {
                var parser = ParamSpecParser(file: file, operation: name)
                for (paramName, spec) in declared.members {
                    if paramName.utf8.contains(0) {
                        issue(
                            "parameter name \(JSONWriter().string(.string(paramName))) contains a NUL character",
                            line: declared.line(of: paramName))
                        continue
                    }
                    if let parsed = parser.parse(name: paramName, json: spec, line: declared.line(of: paramName)) { params.append(parsed) }
                }
                issues += parser.issues
            } else {
                issue("params must be an object of name → declaration", line: object.line(of: "params"))
            }
        }
        var pagination: Pagination?
        if let paginationJSON = object["pagination"]?.object {
            let defaultLimit = paginationJSON["default_limit"].flatMap { if case .int(let v) = $0 { Int(clamping: v) } else { nil } } ?? 100
            let maxLimit = paginationJSON["max_limit"].flatMap { if case .int(let v) = $0 { Int(clamping: v) } else { nil } } ?? 1000
            if defaultLimit < 1 || maxLimit < defaultLimit || Int64(maxLimit) > Pagination.largestLimit {
                issue("pagination needs 1 ≤ default_limit ≤ max_limit ≤ \(Pagination.largestLimit)", line: object.line(of: "pagination"))
            }
            pagination = Pagination(defaultLimit: defaultLimit, maxLimit: maxLimit)
            if !params.contains(where: { $0.name == "limit" }) {
                params.append(
                    ParamSpec(
                        name: "limit", type: .integer, defaultValue: .int(Int64(defaultLimit)), summary: "page size",
                        minimum: SQLDecimal(1), maximum: SQLDecimal(Int64(maxLimit)), sqlType: .int))
            }
            if !params.contains(where: { $0.name == "offset" }) {
                params.append(
                    ParamSpec(
                        name: "offset", type: .integer, defaultValue: .int(0), summary: "rows to skip", minimum: SQLDecimal(0),
                        maximum: SQLDecimal(Int64(Int32.max)), sqlType: .int))
            }
        }
        let execution = object["execution"]?.object
        let executionLine = object.line(of: "execution") ?? line
        var queries: [QuerySpec] = []
        if let list = execution?["queries"]?.array, !list.isEmpty {
            for (index, entry) in list.enumerated() {
                guard let query = entry.object, let queryName = query["name"]?.string, !queryName.isEmpty else {
                    issue("execution.queries[\(index)] needs a \"name\"", line: executionLine)
                    continue
                }
                guard !queryName.utf8.contains(0) else {
                    issue(
                        "execution.queries[\(index)]: query name \(JSONWriter().string(.string(queryName))) contains a NUL character",
                        line: executionLine)
                    continue
                }
                var paramsMap: [(String, String)] = []
                if let map = query["params_map"] {
                    guard let mapObject = map.object else {
                        issue("execution.queries[\(index)].params_map must be an object of marker → parameter", line: executionLine)
                        continue
                    }
                    for (marker, source) in mapObject.members {
                        guard let sourceName = source.string else {
                            issue("params_map.\(marker) must name a parameter", line: mapObject.line(of: marker))
                            continue
                        }
                        paramsMap.append((marker, sourceName))
                        if declaresParams || pagination != nil, !params.contains(where: { $0.name == sourceName }) {
                            issue(
                                "params_map of \(queryName): :\(marker) maps to '\(sourceName)', which is not a declared parameter",
                                line: mapObject.line(of: marker))
                        }
                    }
                }
                let resultKey = query["result_key"]?.string ?? queryName
                if queries.contains(where: { $0.resultKey == resultKey }) {
                    issue("two queries use result_key '\(resultKey)'", line: executionLine)
                }
                queries.append(QuerySpec(name: queryName, paramsMap: paramsMap, resultKey: resultKey, line: executionLine))
            }
        } else {
            issue("execution.queries must list at least one query", line: executionLine)
        }
        if !declaresParams {
            for query in queries {
                for entry in query.paramsMap where !params.contains(where: { $0.name == entry.param }) {
                    params.append(.implicit(entry.param))
                }
            }
        }
        var mapping: [(String, MappingExpression)]?
        if let mappingJSON = execution?["response_mapping"] {
            guard let mappingObject = mappingJSON.object else {
                issue("execution.response_mapping must be an object of key → expression", line: executionLine)
                return nil
            }
            mapping = []
            for (key, source) in mappingObject.members {
                guard let text = source.string else {
                    issue("response_mapping.\(key) must be an expression string", line: mappingObject.line(of: key))
                    continue
                }
                do {
                    mapping?.append((key, try MappingExpression(text)))
                } catch {
                    issue("response_mapping.\(key): \(error.description)", line: mappingObject.line(of: key))
                }
            }
        }
        var operation = Operation(
            name: name, summary: object["description"]?.string, kind: kind, params: params,
            declaresParams: declaresParams, pagination: pagination, queries: queries, responseMapping: mapping, file: file, line: line)
        if let examples = object["examples"] {
            var parser = ExampleParser(file: file, operation: operation)
            operation.examples = parser.parse(examples, line: object.line(of: "examples"))
            issues += parser.issues
        }
        return operation
    }
}
