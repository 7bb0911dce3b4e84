import DBAPICore
import XCTest

@testable import MockEngine

/// What the mock does with BINARY where the golden scripts cannot show it (Spark answers these, the mock
/// refuses them): a BINARY result column, BINARY bytes that are not UTF-8 read as a STRING, and the
/// functions Spark runs over bytes that the mock runs over text only.
final class BinaryTests: XCTestCase {
    private var engine: SQLEngine { get throws { SQLEngine(catalog: try MockCatalog(directory: nil)) } }

    private func assertUnsupported(_ sql: String, _ feature: String, line: UInt = #line) throws {
        XCTAssertThrowsError(try engine.execute(sql, now: 0), sql, line: line) { error in
            XCTAssertEqual(
                (error as? EngineError)?.description,
                "[UNSUPPORTED_FEATURE] The feature is not supported: \(feature) (not implemented by the mock engine). SQLSTATE: 0A000",
                sql, line: line)
        }
    }

    func testBinaryResultColumn_IsUnsupportedAndSaysToSelectBase64OrHex() throws {
        let undocumented = "how a warehouse writes BINARY is not documented"
        try assertUnsupported(
            "SELECT X'0A'", "a result column of type BINARY (`X'0A'`): \(undocumented); select base64(X'0A') or hex(X'0A') instead")
        try assertUnsupported(
            "SELECT unhex('41') AS b", "a result column of type BINARY (`b`): \(undocumented); select base64(b) or hex(b) instead")
        try assertUnsupported(
            "SELECT array(X'01') AS a",
            "a result column of type ARRAY<BINARY> (`a`): \(undocumented); select base64(…) or hex(…) of its BINARY values instead")
        try assertUnsupported(
            "SELECT named_struct('b', X'01') AS s",
            "a result column of type STRUCT<b: BINARY> (`s`): \(undocumented); select base64(…) or hex(…) of its BINARY values instead")
        // The check is on the type, before any row is read: a query with no rows is refused too.
        try assertUnsupported(
            "SELECT X'01' AS b FROM (SELECT 1 AS x) WHERE x > 1",
            "a result column of type BINARY (`b`): \(undocumented); select base64(b) or hex(b) instead")
    }

    func testBinaryThatIsNotUTF8_IsNotReadAsAString() throws {
        // Spark keeps the raw bytes inside its string (hex(CAST(X'FF' AS STRING)) is FF); a Swift string cannot.
        try assertUnsupported("SELECT hex(CAST(X'FF' AS STRING))", "CAST to STRING of BINARY bytes that are not valid UTF-8")
        try assertUnsupported("SELECT upper(X'C0')", "CAST to STRING of BINARY bytes that are not valid UTF-8")
        try assertUnsupported("SELECT CAST(array(X'61', X'FF') AS STRING)", "CAST to STRING of BINARY bytes that are not valid UTF-8")
        let result = try engine.execute("SELECT CAST(X'C3A9' AS STRING) AS s, upper(X'61') AS u", now: 0)
        XCTAssertEqual(result.rows.first, [.string("é"), .string("A")])
    }

    func testFunctionsSparkRunsOverBytes_RefuseBinary() throws {
        for name in [
            "substr(X'0102', 2)", "substring(X'0102', 1, 1)", "left(X'0102', 1)", "reverse(X'0102')", "lpad(X'01', 3, X'00')",
            "rpad('a', 3, X'00')",
        ] {
            let function = String(name.prefix { $0 != "(" })
            try assertUnsupported("SELECT hex(\(name))", "\(function) of BINARY")
        }
    }

    func testUTF32SurrogateCodePoint_IsUnsupported() throws {
        // Java's decoder answers `?`; the mock does not copy that.
        try assertUnsupported("SELECT decode(X'0000D800', 'UTF-32')", "decode of a UTF-32 surrogate code point")
    }

    func testHexLiteralDigits() {
        XCTAssertEqual(Parser.hexBytes("0A1b"), [0x0A, 0x1B])
        XCTAssertEqual(Parser.hexBytes("ABC"), [0x0A, 0xBC])
        XCTAssertEqual(Parser.hexBytes(""), [])
        XCTAssertNil(Parser.hexBytes("0G"))
        XCTAssertNil(Parser.hexBytes("0 A"))
    }

    func testBase64Decoding_FollowsJavasMIMEDecoder() {
        func decoded(_ text: String) -> String {
            switch Base64Text.decode(text) {
            case .success(let bytes): SQLValue.hexDigits(bytes)
            case .failure(let error): "error: " + error.message
            }
        }
        XCTAssertEqual(decoded("YWJj"), "616263")
        XCTAssertEqual(decoded("Y W\r\nJj"), "616263")  // outside the alphabet: skipped
        XCTAssertEqual(decoded("YQ"), "61")
        XCTAssertEqual(decoded("YQ==  "), "61")
        XCTAssertEqual(decoded("YQ=x"), "error: Input byte array has wrong 4-byte ending unit")
        XCTAssertEqual(decoded("=YQ"), "error: Input byte array has wrong 4-byte ending unit")
        XCTAssertEqual(decoded("YWJjZ"), "error: Last unit does not have enough valid bits")
        XCTAssertEqual(decoded("YQ==Y"), "error: Input byte array has incorrect ending byte at 5")
        XCTAssertEqual(Base64Text.encode(Array("abcd".utf8)), "YWJjZA==")
    }
}
