import DBAPICore
import DBAPITestSupport
import XCTest

@testable import Operations

/// `OperationStatements.representative`: an operation's statements bound as `dbapi check` binds
/// them, for `snapshot --for OP`.
final class OperationStatementsTests: XCTestCase {
    private let root = TemporaryDirectory()

    override func setUp() {
        root.write("queries/by_sku.sql", "SELECT * FROM retail.orders WHERE sku = :sku AND qty >= :n\n")
        root.write("queries/from_table.sql", "SELECT * FROM :source\n")
        root.write(
            "config/operations.json",
            """
            {
              "example": {"params": {"sku": {"type": "string", "required": true}, "n": {"type": "integer", "default": 5}},
                          "examples": [{"name": "one", "params": {"sku": "KIT-1001", "n": 2}}],
                          "execution": {"queries": [{"name": "by_sku"}]}},
              "stand_in": {"params": {"sku": {"type": "string", "required": true}, "n": {"type": "integer", "default": 5}},
                           "execution": {"queries": [{"name": "by_sku"}]}},
              "named": {"params": {"source": {"type": "identifier", "default": "retail.products"}},
                        "execution": {"queries": [{"name": "from_table"}]}},
              "unnamed": {"params": {"source": {"type": "identifier", "required": true}},
                          "execution": {"queries": [{"name": "from_table"}]}}
            }
            """)
    }

    func testStatements_BoundWithTheFirstExampleElseDefaultsElseStandIns() throws {
        let catalog = try OperationCatalog(root: root.path)
        let cases: [(String, String)] = [
            ("example", "SELECT * FROM retail.orders WHERE sku = 'KIT-1001' AND qty >= 2L\n"),
            ("stand_in", "SELECT * FROM retail.orders WHERE sku = 'x' AND qty >= 5L\n"),
            ("named", "SELECT * FROM `retail`.`products`\n"),
        ]
        for (name, sql) in cases {
            XCTAssertEqual(try OperationStatements.representative(name, in: catalog).map(\.inlinedSQL), [sql], name)
        }
    }

    func testIdentifierWithoutDefaultOrExample_SaysToNameTheTables() throws {
        let catalog = try OperationCatalog(root: root.path)
        XCTAssertThrowsError(try OperationStatements.representative("unnamed", in: catalog)) { error in
            XCTAssertEqual((error as? DBAPIError)?.code, .configuration)
            XCTAssertEqual(
                (error as? DBAPIError)?.message,
                "cannot tell which tables unnamed reads: its identifier parameter source has no default and no example expected to succeed; name the tables instead"
            )
        }
    }
}
