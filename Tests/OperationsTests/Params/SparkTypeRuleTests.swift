import DBAPICore
import XCTest

@testable import Operations

/// Every declared parameter has one Spark type, used by the inline literal and the native parameter.
final class SparkTypeRuleTests: XCTestCase {
    private func parse(_ json: String) throws -> (spec: ParamSpec?, issues: [String]) {
        var parser = ParamSpecParser(file: "test.json", operation: "op")
        let spec = parser.parse(name: "p", json: try JSONParser.parse(json), line: 1)
        return (spec, parser.issues.map(\.message))
    }

    func testDeclarations_BindAsOneSparkType() throws {
        let cases: [(declaration: String, value: SQLValue, type: SQLType)] = [
            (#"{"type": "integer"}"#, .int(5), .bigint),
            (#"{"type": "integer", "minimum": 0}"#, .int(5), .bigint),
            (#"{"type": "integer", "minimum": 1, "maximum": 100}"#, .int(5), .int),
            (#"{"type": "integer", "minimum": -2147483648, "maximum": 2147483647}"#, .int(5), .int),
            (#"{"type": "integer", "minimum": 0, "maximum": 2147483648}"#, .int(5), .bigint),
            (#"{"type": "integer", "enum": [1, 2, 3]}"#, .int(2), .int),
            (#"{"type": "integer", "enum": [1, 3000000000]}"#, .int(1), .bigint),
            (#"{"type": "integer", "sql_type": "smallint"}"#, .int(5), .smallint),
            (#"{"type": "integer", "sql_type": "TINYINT"}"#, .int(5), .tinyint),
            (#"{"type": "integer", "minimum": 1, "maximum": 9, "sql_type": "BIGINT"}"#, .int(5), .bigint),
            (#"{"type": "number"}"#, .double(1.5), .double),
            (#"{"type": "number", "sql_type": "FLOAT"}"#, .double(1.5), .float),
            (
                #"{"type": "decimal", "precision": 10, "scale": 2}"#, .decimal(SQLDecimal(unscaled: 150, scale: 2)),
                .decimal(precision: 10, scale: 2)
            ),
            (
                #"{"type": "decimal", "sql_type": "DECIMAL(12,3)"}"#, .decimal(SQLDecimal(unscaled: 150, scale: 3)),
                .decimal(precision: 12, scale: 3)
            ),
            (#"{"type": "decimal"}"#, .decimal(SQLDecimal(unscaled: 1250, scale: 2)), .decimal(precision: 4, scale: 2)),
            (#"{"type": "string", "sql_type": "STRING"}"#, .string("x"), .string),
            (#"{"type": "date"}"#, .date(1), .date),
            (#"{"type": "timestamp"}"#, .timestamp(1), .timestamp),
            (#"{"type": "timestamp", "sql_type": "TIMESTAMP_NTZ"}"#, .timestampNTZ(1), .timestampNTZ),
            (#"{"type": "array", "items": {"type": "integer", "sql_type": "INT"}}"#, .array([.int(1)]), .array(.int)),
            (#"{"type": "array", "items": "integer"}"#, .array([.int(1)]), .array(.bigint)),
        ]
        for test in cases {
            let (spec, issues) = try parse(test.declaration)
            XCTAssertEqual(issues, [], test.declaration)
            XCTAssertEqual(spec?.sqlType(for: test.value), test.type, test.declaration)
        }
    }

    func testSQLTypes_ThatDoNotFitTheKind_AreConfigurationIssues() throws {
        let cases: [(declaration: String, issue: String)] = [
            (
                #"{"type": "integer", "sql_type": "DOUBLE"}"#,
                "params.p: sql_type DOUBLE cannot hold a integer parameter; use one of TINYINT, SMALLINT, INT, BIGINT"
            ),
            (#"{"type": "number", "sql_type": "INT"}"#, "params.p: sql_type INT cannot hold a number parameter; use one of FLOAT, DOUBLE"),
            (
                #"{"type": "string", "sql_type": "VARIANT"}"#,
                "params.p: sql_type 'VARIANT' is not a Spark type dbapi can bind; use one of STRING"
            ),
            (
                #"{"type": "decimal", "precision": 10, "scale": 2, "sql_type": "DECIMAL(12,2)"}"#,
                "params.p: sql_type DECIMAL(12,2) cannot hold a decimal(10,2) parameter; use one of DECIMAL(p,s)"
            ),
            (
                #"{"type": "array", "items": "integer", "sql_type": "ARRAY<INT>"}"#,
                "params.p: sql_type ARRAY<INT> cannot hold a array<integer> parameter"
            ),
            (#"{"type": "identifier", "sql_type": "STRING"}"#, "params.p: sql_type STRING cannot hold a identifier parameter"),
            (#"{"type": "integer", "sql_type": 4}"#, "params.p: sql_type must be a Spark type name like \"INT\""),
        ]
        for test in cases {
            XCTAssertEqual(try parse(test.declaration).issues, [test.issue], test.declaration)
        }
    }

    func testValues_OutsideTheBoundType_AreParameterErrors() throws {
        let cases: [(declaration: String, raw: String, message: String)] = [
            (
                #"{"type": "integer", "sql_type": "INT"}"#, "2147483648",
                "p must be an integer between -2147483648 and 2147483647, got \"2147483648\""
            ),
            (#"{"type": "integer", "sql_type": "TINYINT", "minimum": 0}"#, "128", "p must be an integer between 0 and 127, got \"128\""),
            (#"{"type": "integer", "sql_type": "SMALLINT"}"#, "-32769", "p must be an integer between -32768 and 32767, got \"-32769\""),
            (#"{"type": "number", "sql_type": "FLOAT"}"#, "3.5e38", "p must be a number within FLOAT's range, got \"3.5e38\""),
        ]
        for test in cases {
            let spec = try XCTUnwrap(try parse(test.declaration).spec)
            XCTAssertThrowsError(try spec.coerce(.text(test.raw)), test.declaration) { error in
                XCTAssertEqual((error as? ParamError)?.description, test.message, test.declaration)
            }
        }
        let int = try XCTUnwrap(try parse(#"{"type": "integer", "sql_type": "INT"}"#).spec)
        XCTAssertEqual(try int.coerce(.text("2147483647")), .int(2_147_483_647))
    }

    func testTimestampNTZ_KeepsTheWallClockAndIgnoresAnOffset() throws {
        let spec = try XCTUnwrap(try parse(#"{"type": "timestamp", "sql_type": "TIMESTAMP_NTZ"}"#).spec)
        let tenOClock = Int64(1_704_103_200) * 1_000_000  // 2024-01-01 10:00:00 as if UTC
        XCTAssertEqual(try spec.coerce(.text("2024-01-01T10:00:00")), .timestampNTZ(tenOClock))
        XCTAssertEqual(try spec.coerce(.text("2024-01-01 10:00:00+05:00")), .timestampNTZ(tenOClock), "as Spark's cast does")
        XCTAssertThrowsError(try spec.coerce(.text("10:00")))
        let zoned = try XCTUnwrap(try parse(#"{"type": "timestamp"}"#).spec)
        XCTAssertEqual(try zoned.coerce(.text("2024-01-01 10:00:00+05:00")), .timestamp(tenOClock - 5 * 3_600_000_000))
    }

    func testPagination_BindsLimitAndOffsetAsINT() throws {
        func operation(maxLimit: Int) throws -> (Operations.Operation?, [String]) {
            var parser = OperationParser(file: "x.json")
            let json =
                #"{"type": "simple", "pagination": {"default_limit": 10, "max_limit": \#(maxLimit)}, "#
                + #""execution": {"queries": [{"name": "q"}]}}"#
            let operation = parser.parse(name: "op", json: try JSONParser.parse(json), line: 1)
            return (operation, parser.issues.map(\.message))
        }
        let (paginated, issues) = try operation(maxLimit: 50)
        XCTAssertEqual(issues, [])
        XCTAssertEqual(paginated?.param(named: "limit")?.sqlType(for: .int(5)), .int)
        XCTAssertEqual(paginated?.param(named: "offset")?.sqlType(for: .int(0)), .int)
        XCTAssertEqual(try operation(maxLimit: 2_147_483_647).1, ["pagination needs 1 ≤ default_limit ≤ max_limit ≤ 2147483646"])
    }
}
