import DBAPICore

/// The in-memory Spark SQL engine: parse → plan → execute over a `MockCatalog`.
///
///     let engine = SQLEngine(catalog: try MockCatalog(directory: "config/mock-data"))
///     let result = try engine.execute("SELECT sku, qty FROM inventory WHERE qty > 10 ORDER BY qty DESC", now: micros)
///     result.columns.map(\.name) == ["sku", "qty"]
public struct SQLEngine: Sendable {
    public let catalog: MockCatalog

    public init(catalog: MockCatalog) { self.catalog = catalog }

    /// Runs one SELECT statement.
    ///
    /// - Parameter now: the statement's `current_timestamp()`, microseconds since the epoch (UTC).
    /// - Throws: `EngineError` for syntax, name, type and runtime (ANSI) errors.
    public func execute(_ sql: String, now: Int64) throws(EngineError) -> ResultSet {
        try LargeStack.run { () throws(EngineError) in try executeOnCurrentThread(sql, now: now) }
    }

    /// Runs one statement without blocking the caller (on the engine's own thread).
    /// Cancelling the calling task stops the statement (OPERATION_CANCELED) within a few thousand rows.
    public func execute(_ sql: String, now: Int64) async throws(EngineError) -> ResultSet {
        let context = ExecutionContext(now: now)
        let result = await withTaskCancellationHandler { () async -> Result<ResultSet, EngineError> in
            do throws(EngineError) {
                return .success(try await LargeStack.run { () throws(EngineError) in try executeOnCurrentThread(sql, context) })
            } catch {
                return .failure(error)
            }
        } onCancel: {
            context.cancel()
        }
        return try result.get()
    }

    /// The plan the engine runs for one SELECT statement, as text, without running it: one line per
    /// node, its inputs below it indented by two spaces, then each subquery planned inside an
    /// expression (`Subquery 1 scalarsubquery()`, with `correlated` when it runs once per outer row)
    /// above its own plan. Expressions appear by the names Spark generates for them.
    ///
    ///     Project [id]
    ///       Filter (amount > 10)
    ///         Scan main.default.sales [id, region, rep, day, amount, price, fee]
    ///
    /// The node names are the engine's own (Scan, Filter, Project, Aggregate, Expand, Window,
    /// HashJoin, NestedLoopJoin, Sort, Limit, Distinct, Union/Intersect/Except, Values, OneRow, CTE);
    /// the text is meant for people and golden tests, not for parsing.
    ///
    /// - Throws: `EngineError` for syntax, name and type errors, as `execute` would.
    public func explain(_ sql: String) throws(EngineError) -> String {
        try LargeStack.run { () throws(EngineError) in
            let query = try Parser.parse(sql)
            let planner = Planner(catalog: catalog)
            let relation = try planner.planQuery(query, outer: nil)
            return relation.plan.description(subqueries: planner.subqueries)
        }
    }

    func executeOnCurrentThread(_ sql: String, now: Int64) throws(EngineError) -> ResultSet {
        try executeOnCurrentThread(sql, ExecutionContext(now: now))
    }

    private func executeOnCurrentThread(_ sql: String, _ context: ExecutionContext) throws(EngineError) -> ResultSet {
        let query = try Parser.parse(sql)
        let relation = try Planner(catalog: catalog).planQuery(query, outer: nil)
        if let column = relation.columns.first(where: \.type.containsBinary) {
            throw EngineError.binaryResultColumn(column.name, column.type)
        }
        let rows = try Executor.run(relation.plan, context)
        return ResultSet(columns: relation.columns.map { ResultColumn(name: $0.name, type: $0.type) }, rows: rows)
    }
}
