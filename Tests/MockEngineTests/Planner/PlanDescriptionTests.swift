import DBAPICore
import XCTest

@testable import MockEngine

/// The text each plan node prints (`Plan+Description.swift`), node kind by node kind, and the tree
/// and subquery layout around it.
final class PlanDescriptionTests: XCTestCase {
    private let none: Evaluator = { _, _ in .null }
    private let scan = Plan.scan(
        Table(name: "main.default.t", columns: [ResultColumn(name: "a", type: .int), ResultColumn(name: "b", type: .string)], rows: []))

    private func key(_ name: String, ascending: Bool = true, nullsFirst: Bool = true) -> SortKey {
        SortKey(evaluate: none, name: name, isAscending: ascending, nullsFirst: nullsFirst)
    }

    private func join(_ kind: JoinKind, keys: [(String, String)] = [], residual: String? = nil) -> Plan {
        .join(
            JoinPlan(
                kind: kind, left: scan, right: .singleRow, leftWidth: 2, rightWidth: 0, leftKeys: keys.map { _ in none },
                rightKeys: keys.map { _ in none }, residual: residual.map { _ in none }, leftKeyNames: keys.map(\.0),
                rightKeyNames: keys.map(\.1), residualName: residual))
    }

    private func windowFunction(_ kind: WindowFunction.Kind, _ frame: FrameSpec, output: Int) -> WindowFunction {
        WindowFunction(kind: kind, arguments: [], ignoresNulls: false, frame: frame, output: output)
    }

    func testNodeText_EachNodeKind() {
        let rowsFrame = FrameSpec(isRange: false, start: .rows(-1), end: .rows(1))
        let window = WindowPlan(
            groups: [
                WindowGroup(
                    partitionKeys: [none], orderKeys: [key("b", ascending: false, nullsFirst: false)],
                    functions: [windowFunction(.rank, .toCurrentRow, output: 0), windowFunction(.firstValue, rowsFrame, output: 1)],
                    partitionNames: ["a"], functionNames: ["RANK()", "first_value(b)"]),
                WindowGroup(
                    partitionKeys: [], orderKeys: [key("a")], functions: [windowFunction(.offset(-1), .partition, output: 2)],
                    partitionNames: [], functionNames: ["lag(b, 1, NULL)"]),
                WindowGroup(
                    partitionKeys: [], orderKeys: [], functions: [windowFunction(.lastValue, .partition, output: 3)], partitionNames: [],
                    functionNames: ["last_value(a)"]),
            ], width: 4)
        let cases: [(id: String, plan: Plan, text: String)] = [
            ("scan", scan, "Scan main.default.t [a, b]"),
            ("one row", .singleRow, "OneRow"),
            ("values, one row", .values([[none, none]], columns: ["id", "name"]), "Values 1 row [id, name]"),
            ("values, rows", .values([[none], [none], [none]], columns: ["col1"]), "Values 3 rows [col1]"),
            ("filter", .filter(scan, none, condition: "(a > 1)"), "Filter (a > 1)"),
            ("project", .project(scan, [none, none], names: ["a", "(a + 1) AS next"]), "Project [a, (a + 1) AS next]"),
            (
                "aggregate", .aggregate(scan, keys: [none], aggregates: [], keyNames: ["b"], aggregateNames: ["sum(a)", "count(1)"]),
                "Aggregate keys [b] functions [sum(a), count(1)]"
            ),
            (
                "global aggregate", .aggregate(scan, keys: [], aggregates: [], keyNames: [], aggregateNames: []),
                "Aggregate keys [] functions []"
            ),
            (
                "expand", .expand(scan, projections: [[none], [none]], names: [["*", "b", "0"], ["*", "NULL", "1"]]),
                "Expand [[*, b, 0], [*, NULL, 1]]"
            ),
            (
                "window, three groups", .window(scan, window),
                "Window partition [a] order [b DESC NULLS LAST] functions [RANK(), "
                    + "first_value(b) ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING]; partition [] order [a ASC NULLS FIRST] functions "
                    + "[lag(b, 1, NULL)]; partition [] order [] functions "
                    + "[last_value(a) ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING]"
            ),
            ("hash join", join(.inner, keys: [("a", "x"), ("b", "y")]), "HashJoin INNER keys [a = x, b = y]"),
            (
                "hash join with a residual", join(.full, keys: [("a", "x")], residual: "(b > y)"),
                "HashJoin FULL keys [a = x] condition (b > y)"
            ),
            ("nested loop join", join(.cross), "NestedLoopJoin CROSS"),
            ("nested loop semi join", join(.leftSemi, residual: "(a < x)"), "NestedLoopJoin LEFT SEMI condition (a < x)"),
            (
                "sort", .sort(scan, [key("a"), key("b", ascending: false, nullsFirst: false), key("c", nullsFirst: false)]),
                "Sort [a ASC NULLS FIRST, b DESC NULLS LAST, c ASC NULLS LAST]"
            ),
            ("limit", .limit(scan, limit: 5, offset: 0), "Limit 5"),
            ("limit and offset", .limit(scan, limit: 0, offset: 2), "Limit 0 offset 2"),
            ("offset alone", .limit(scan, limit: nil, offset: 3), "Limit ALL offset 3"),
            ("distinct", .distinct(scan), "Distinct"),
            ("union", .setOperation(.union, isAll: false, scan, scan), "Union"),
            ("union all", .setOperation(.union, isAll: true, scan, scan), "Union ALL"),
            ("intersect", .setOperation(.intersect, isAll: false, scan, scan), "Intersect"),
            ("except all", .setOperation(.except, isAll: true, scan, scan), "Except ALL"),
            ("cte", .shared(id: 3, scan, name: "recent"), "CTE recent"),
        ]
        for (id, plan, text) in cases {
            XCTAssertEqual(plan.nodeText, text, id)
        }
    }

    func testDescription_IndentsInputsUnderTheirNodeLeftFirst() {
        let plan = Plan.limit(
            .project(join(.inner, keys: [("a", "x")]), [none], names: ["a"]), limit: 1, offset: 0)
        XCTAssertEqual(
            plan.description,
            """
            Limit 1
              Project [a]
                HashJoin INNER keys [a = x]
                  Scan main.default.t [a, b]
                  OneRow
            """)
    }

    func testDescription_ListsSubqueriesAfterThePlan() {
        let subqueries = [
            SubqueryPlan(name: "scalarsubquery()", isCorrelated: false, plan: .project(.singleRow, [none], names: ["1"])),
            SubqueryPlan(name: "exists()", isCorrelated: true, plan: scan),
        ]
        XCTAssertEqual(
            Plan.filter(scan, none, condition: "(exists() AND (a = scalarsubquery()))").description(subqueries: subqueries),
            """
            Filter (exists() AND (a = scalarsubquery()))
              Scan main.default.t [a, b]
            Subquery 1 scalarsubquery()
              Project [1]
                OneRow
            Subquery 2 exists() correlated
              Scan main.default.t [a, b]
            """)
    }

    func testDescription_KeepsEachNodeOnOneLine() {
        XCTAssertEqual(
            Plan.filter(.singleRow, none, condition: "(a = x\ny\r\nz)").description, "Filter (a = x\\ny\\r\\nz)\n  OneRow")
    }

    func testExplain_NumbersNestedSubqueriesOutermostFirstAndFailsAsExecuteDoes() throws {
        let table = Table(
            name: "main.default.t", columns: [ResultColumn(name: "a", type: .int)], rows: [[.int(1)], [.int(2)]])
        let catalog = try MockCatalog(directory: nil)
        catalog.register(table)
        let engine = SQLEngine(catalog: catalog)
        XCTAssertEqual(
            try engine.explain("SELECT a FROM t WHERE a IN (SELECT a FROM t u WHERE EXISTS (SELECT 1 FROM t v WHERE v.a > u.a))"),
            """
            Project [a]
              Filter (a IN (listquery()))
                Scan main.default.t [a]
            Subquery 1 listquery()
              Project [a]
                Filter exists()
                  Scan main.default.t [a]
            Subquery 2 exists() correlated
              Project [1]
                Filter (a > a)
                  Scan main.default.t [a]
            """)
        for sql in ["SELECT * FROM missing", "SELECT nope FROM t", "SELECT a FROM t LIMIT -1"] {
            var executeError: EngineError?
            XCTAssertThrowsError(try engine.execute(sql, now: 0), sql) { executeError = $0 as? EngineError }
            XCTAssertThrowsError(try engine.explain(sql), sql) { XCTAssertEqual($0 as? EngineError, executeError, sql) }
        }
    }

    /// An ON equality whose side holds a subquery is a residual condition, not a hash key: trying
    /// it as a key would plan the subquery in failed attempts and list it three times.
    func testExplain_ListsASubqueryInAJoinConditionOnce() throws {
        let catalog = try MockCatalog(directory: nil)
        catalog.register(Table(name: "main.default.l", columns: [ResultColumn(name: "a", type: .int)], rows: []))
        catalog.register(Table(name: "main.default.r", columns: [ResultColumn(name: "b", type: .int)], rows: []))
        XCTAssertEqual(
            try SQLEngine(catalog: catalog).explain("SELECT a FROM l JOIN r ON a = (SELECT 0) + a"),
            """
            Project [a]
              NestedLoopJoin INNER condition (a = (scalarsubquery() + a))
                Scan main.default.l [a]
                Scan main.default.r [b]
            Subquery 1 scalarsubquery()
              Project [0]
                OneRow
            """)
    }
}
