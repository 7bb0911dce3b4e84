import DBAPICore
import Foundation

/// Runs one statement through the Statement Execution API: submit with a short wait, poll with
/// growing intervals until a terminal state, then stream the result chunk by chunk. Past the
/// timeout, or when the task is cancelled (SIGINT/SIGTERM), the statement is canceled on the server.
struct StatementRunner: Sendable {
    let client: APIClient
    let options: StatementOptions
    /// Times the statement against `options.timeout` and waits between polls.
    let clock: any BackendClock
    /// The external-link downloader (no workspace credentials are ever attached).
    let downloads: any HTTPTransport
    /// Statement ids seen, for `meta` and for cancel-on-signal.
    let statementIDs: LockedBox<[String]>
    /// Execute requests sent whose answer, and so whose statement id, has not arrived yet.
    let submissions = LockedBox(0)
    /// Statement ids a cancel request was sent for.
    let canceledIDs = LockedBox<Set<String>>([])

    static let statementsPath = "/api/2.0/sql/statements"

    func execute(_ statement: BoundStatement) async throws -> ResultStream {
        let started = clock.now()
        guard options.disposition == nil else {
            return try await execute(statement, disposition: options.disposition ?? .inline, started: started, fallback: false)
        }
        do {
            return try await execute(statement, disposition: .inline, started: started, fallback: false)
        } catch DatabricksError.statementFailed(_, _, _, let message) where Self.isInlineLimit(message) {
            return try await execute(statement, disposition: .externalLinks, started: started, fallback: true)
        }
    }

    /// Whether a FAILED statement's message is the warehouse's refusal of an INLINE result over
    /// 25 MiB. The refusal has no error code of its own (it is the generic `BAD_REQUEST`), so the
    /// message text is the only signal. Warehouses word it (as quoted in databrickslabs/ucx issue
    /// 3447): "Inline byte limit exceeded. Statements executed with disposition=INLINE can have a
    /// result size of at most 26214400 bytes. Please execute the statement with
    /// disposition=EXTERNAL_LINKS if you want to download the full result." Either phrase is enough,
    /// in case one of them is reworded.
    static func isInlineLimit(_ message: String) -> Bool {
        message.contains("Inline byte limit exceeded") || message.contains("disposition=EXTERNAL_LINKS")
    }

    private func execute(_ statement: BoundStatement, disposition: Disposition, started: Double, fallback: Bool) async throws
        -> ResultStream
    {
        let (response, id) = try await submit(requestBody(statement, disposition: disposition, waitTimeout: options.waitTimeout))
        let finished = try await completion(of: id, response, started: started)
        return try stream(id: id, response: finished, disposition: disposition, fallback: fallback)
    }

    /// Submits a statement and returns at once (`--async`): EXTERNAL_LINKS unless a disposition was
    /// asked for, since a result fetched later cannot fall back when INLINE is too large.
    func submitOnly(_ statement: BoundStatement) async throws -> String {
        try await submit(requestBody(statement, disposition: options.disposition ?? .externalLinks, waitTimeout: 0)).id
    }

    /// The result of statement `id`, submitted earlier: polled until it finishes, then streamed with
    /// the same integrity checks.
    func result(of id: String) async throws -> ResultStream {
        let started = clock.now()
        statementIDs.withLock { $0.append(id) }
        let response = try await client.get(Self.statementsPath + "/" + id)
        let finished = try await completion(of: id, response, started: started)
        let disposition: Disposition = finished["result"]?["external_links"] == nil ? .inline : .externalLinks
        return try stream(id: id, response: finished, disposition: disposition, fallback: false)
    }

    /// Polls statement `id` until it leaves PENDING and RUNNING and returns its SUCCEEDED response.
    private func completion(of id: String, _ first: APIResponse, started: Double) async throws -> APIResponse {
        var response = first
        var interval = options.firstPoll
        // Waits grow by `pollGrowth` up to `maxPoll`; the timeout is checked before each wait, so a
        // statement is canceled as soon as the next poll would come after the deadline.
        do {
            while let state = response["status"]?["state"]?.string, state == "PENDING" || state == "RUNNING" {
                options.progress(StatementProgress(statementID: id, state: state))
                if let timeout = options.timeout, clock.now() - started + interval > timeout {
                    try? await cancel(id)
                    throw DatabricksError.timedOut(statementID: id, seconds: timeout, canceled: true)
                }
                try await clock.sleep(seconds: interval)
                interval = min(options.maxPoll, interval * Self.pollGrowth)
                response = try await client.get(Self.statementsPath + "/" + id)
            }
        } catch is CancellationError {
            try? await cancel(id)
            throw DatabricksError.interrupted(statementID: id, signal: "a signal")
        }
        switch response["status"]?["state"]?.string {
        case "SUCCEEDED"?: return response
        case "FAILED"?:
            let error = response["status"]?["error"]
            var code = error?["error_code"]?.string
            if code == nil, case .int(let number)? = error?["error_code"] { code = String(number) }
            throw DatabricksError.statementFailed(
                statementID: id, errorCode: code, sqlState: response["status"]?["sql_state"]?.string,
                message: error?["message"]?.string ?? "no message")
        case "CANCELED"?: throw DatabricksError.statementCanceled(statementID: id)
        case "CLOSED"?: throw DatabricksError.statementClosed(statementID: id)
        case let other: throw DatabricksError.malformedResponse("statement \(id) is in state \(other ?? "(none)")")
        }
    }

    /// Sends the execute request. Its statement id is recorded before the request stops counting in
    /// `submissions`, so a signal handler that waits for them finds every id to cancel.
    private func submit(_ body: JSONValue) async throws -> (response: APIResponse, id: String) {
        submissions.withLock { $0 += 1 }
        defer { submissions.withLock { $0 -= 1 } }
        let response = try await client.post(Self.statementsPath, body, isIdempotent: false)
        guard let id = response["statement_id"]?.string else {
            throw DatabricksError.malformedResponse("execute returned no statement_id")
        }
        statementIDs.withLock { $0.append(id) }
        return (response, id)
    }

    /// Each poll interval is this many times the one before (up to `StatementOptions.maxPoll`).
    static let pollGrowth = 1.5

    /// Cancels statement `id` on the warehouse, once: the runner (timeout, task cancelled) and
    /// `DatabricksBackend.cancelAll` (signals) may both ask, and a later call sends nothing. The
    /// request is sent from a task of its own: it is cleanup, so a caller that was itself cancelled
    /// still sends it.
    func cancel(_ id: String) async throws {
        guard canceledIDs.withLock({ $0.insert(id).inserted }) else { return }
        let client = self.client
        try await Task {
            _ = try await client.post(Self.statementsPath + "/" + id + "/cancel", .object(JSONObject()), isIdempotent: true)
        }.value
    }

    private func requestBody(_ statement: BoundStatement, disposition: Disposition, waitTimeout: Int) -> JSONValue {
        var body = JSONObject([
            ("statement", .string(statement.nativeSQL)), ("warehouse_id", .string(client.config.warehouseID)),
        ])
        if let catalog = client.config.catalog { body["catalog"] = .string(catalog) }
        if let schema = client.config.schema { body["schema"] = .string(schema) }
        if !statement.parameters.isEmpty { body["parameters"] = .array(statement.parameters.map(Self.parameter)) }
        body["wait_timeout"] = .string("\(waitTimeout)s")
        body["on_wait_timeout"] = .string("CONTINUE")
        body["disposition"] = .string(disposition.rawValue)
        body["format"] = .string("JSON_ARRAY")
        if let rowLimit = options.rowLimit { body["row_limit"] = .int(Int64(rowLimit)) }
        var tags: [JSONValue] = [.object(JSONObject([("key", .string("dbapi_query")), ("value", .string(statement.name))]))]
        if let correlation = options.correlationID {
            tags.append(.object(JSONObject([("key", .string("dbapi_correlation_id")), ("value", .string(correlation))])))
        }
        body["query_tags"] = .array(tags)
        return .object(body)
    }

    /// `{name, value, type}`; NULL omits the value, and the empty string is sent as `""`.
    static func parameter(_ parameter: BoundStatement.Parameter) -> JSONValue {
        var object = JSONObject([("name", .string(parameter.name))])
        switch parameter.value {
        case .null: break
        case .bool(let flag): object["value"] = .string(flag ? "true" : "false")
        case .int(let number): object["value"] = .string(String(number))
        case .double(let number): object["value"] = .string("\(number)")
        case .decimal(let number): object["value"] = .string(number.description)
        case .string(let text): object["value"] = .string(text)
        case .date(let days): object["value"] = .string(CivilTime.formatDate(days))
        case .timestamp(let micros): object["value"] = .string(CivilTime.formatTimestamp(micros))
        case .timestampNTZ(let micros): object["value"] = .string(CivilTime.formatTimestamp(micros, separator: " ", zone: ""))
        case .interval(let interval): object["value"] = .string(interval.description)
        case .array(let items): object["value"] = .string(JSONWriter().string(.array(items.map { .string($0.description) })))
        case .map, .struct, .binary: object["value"] = .string(parameter.value.description)
        }
        object["type"] = .string(parameter.type.description)
        return .object(object)
    }

    private func stream(id: String, response: APIResponse, disposition: Disposition, fallback: Bool) throws -> ResultStream {
        let manifest = response["manifest"]
        let decoders = (manifest?["schema"]?["columns"]?.array ?? []).map { column in
            ColumnDecoder(
                name: column["name"]?.string ?? "", typeName: column["type_name"]?.string ?? "STRING",
                typeText: column["type_text"]?.string, precision: ChunkHeader.int(column["type_precision"]),
                scale: ChunkHeader.int(column["type_scale"]))
        }
        let integrity = ResultIntegrity(
            statementID: id, totalChunks: ChunkHeader.int(manifest?["total_chunk_count"]),
            totalRows: ChunkHeader.int(manifest?["total_row_count"]))
        let loader = ChunkLoader(statementID: id, decoder: ResultChunkDecoder(decoders: decoders), client: client, downloads: downloads)
        let fetcher = ChunkFetcher(
            first: (response["result"] ?? .object(JSONObject()), response), integrity: integrity, loader: loader,
            prefetch: disposition == .externalLinks ? 2 * options.prefetch : options.prefetch)
        var properties: [String: JSONValue] = ["statement_id": .string(id), "warehouse_id": .string(client.config.warehouseID)]
        if manifest?["truncated"] == .bool(true) { properties["truncated"] = .bool(true) }
        properties["disposition"] = .string(disposition.rawValue)
        if fallback { properties["disposition_fallback"] = .string("INLINE result over the 25 MiB limit; ran again with EXTERNAL_LINKS") }
        if let rows = ChunkHeader.int(manifest?["total_row_count"]) { properties["total_row_count"] = .int(Int64(rows)) }
        var progress = StatementProgress(statementID: id, state: "SUCCEEDED")
        progress.totalChunks = integrity.totalChunks
        progress.totalRows = integrity.totalRows
        options.progress(progress)
        let fetched = LockedBox(progress)
        let report = options.progress
        return ResultStream(columns: decoders.map(\.column), properties: properties) {
            let batch = try await fetcher.next()
            report(
                fetched.withLock { progress in
                    if let batch {
                        progress.chunksFetched += 1
                        progress.rowsFetched += batch.count
                    } else {
                        progress.isComplete = true
                    }
                    return progress
                })
            return batch
        }
    }
}
