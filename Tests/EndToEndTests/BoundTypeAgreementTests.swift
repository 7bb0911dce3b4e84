import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// A bound value has one Spark type on both backends: the type of the mock's result column for
/// `SELECT :p` equals the `type` of the native parameter sent to the warehouse, for random values of
/// every type `query --param name:TYPE=value` takes.
final class BoundTypeAgreementTests: XCTestCase {
    private var server: FakeDatabricksServer!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else { throw XCTSkip("dbapi binary not built") }
        server = try FakeDatabricksServer()
    }

    override func tearDown() { server = nil }

    /// A small deterministic generator (SplitMix64), so a failure names a reproducible value.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Spark type name → the Spark type text and a random value of it.
    private func randomValue(_ type: String, _ rng: inout Generator) -> String {
        switch type {
        case "int": String(Int32.random(in: .min ... .max, using: &rng))
        case "bigint": String(Int64.random(in: .min ... .max, using: &rng))
        case "smallint": String(Int16.random(in: .min ... .max, using: &rng))
        case "tinyint": String(Int8.random(in: .min ... .max, using: &rng))
        case "double": String(Double.random(in: -1e12...1e12, using: &rng))
        case "float": String(Float.random(in: -1e6...1e6, using: &rng))
        case "decimal(10,2)": String(format: "%.2f", Double(Int.random(in: -9_999_999_99...9_999_999_99, using: &rng)) / 100)
        case "string": String((0..<Int.random(in: 0...12, using: &rng)).map { _ in "aZ9 '\\\"é€😀$:{".randomElement(using: &rng) ?? "a" })
        case "boolean": Bool.random(using: &rng) ? "true" : "false"
        case "date":
            String(
                format: "%04d-%02d-%02d", Int.random(in: 1...9999, using: &rng), Int.random(in: 1...12, using: &rng),
                Int.random(in: 1...28, using: &rng))
        case "timestamp_ntz":
            String(
                format: "%04d-%02d-%02d %02d:%02d:%02d", Int.random(in: 1900...2100, using: &rng), Int.random(in: 1...12, using: &rng),
                Int.random(in: 1...28, using: &rng), Int.random(in: 0...23, using: &rng), Int.random(in: 0...59, using: &rng),
                Int.random(in: 0...59, using: &rng))
        default:
            String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", Int.random(in: 1900...2100, using: &rng),
                Int.random(in: 1...12, using: &rng),
                Int.random(in: 1...28, using: &rng), Int.random(in: 0...23, using: &rng), Int.random(in: 0...59, using: &rng),
                Int.random(in: 0...59, using: &rng), Int.random(in: 0...999_999, using: &rng))
        }
    }

    func testRandomValuesOfEveryType_BindAsTheSameSparkTypeOnBothBackends() async throws {
        let types: [(name: String, spark: String)] = [
            ("int", "INT"), ("bigint", "BIGINT"), ("smallint", "SMALLINT"), ("tinyint", "TINYINT"), ("double", "DOUBLE"),
            ("float", "FLOAT"), ("decimal(10,2)", "DECIMAL(10,2)"), ("string", "STRING"), ("boolean", "BOOLEAN"), ("date", "DATE"),
            ("timestamp", "TIMESTAMP"), ("timestamp_ntz", "TIMESTAMP_NTZ"),
        ]
        var rng = Generator(state: 20_261_126)
        for (name, spark) in types {
            for sample in 0..<4 {
                let value = randomValue(name, &rng)
                let arguments = ["query", "SELECT :p AS v", "--param", "p:\(name)=\(value)"]
                let label = "\(name) = \(value)"
                let mock = await runCLI(arguments)
                XCTAssertEqual(mock.status, 0, "\(label): \(mock.stdout)")
                XCTAssertEqual(mock.json?["data"]?["columns"]?.array?.first?["type"], .string(spark), label)

                let warehouse = await runCLI(arguments + ["--backend", "databricks"], environment: server.environment)
                XCTAssertEqual(warehouse.status, 0, "\(label): \(warehouse.stdout)")
                let execute = try XCTUnwrap(try server.requests().last { $0["path"] == .string("/api/2.0/sql/statements") })
                let sent = try JSONParser.parse(execute["body"]?.string ?? "")["parameters"]?.array?.first
                XCTAssertEqual(sent?["type"], .string(spark), label)
                XCTAssertEqual(warehouse.json?["data"], mock.json?["data"], "\(label): the same value on both backends")
                if sample == 0 {
                    let null = await runCLI(["query", "SELECT :p AS v", "--params-json", #"{"p:\#(name)": null}"#])
                    XCTAssertEqual(null.json?["data"]?["columns"]?.array?.first?["type"], .string(spark), "\(name) NULL")
                }
            }
        }
    }
}
