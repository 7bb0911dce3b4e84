import DBAPICore
import Foundation
import SQLText

@testable import MockEngine

/// One input of the `sql` fuzz target (`scripts/fuzz.sh sql`, and `SQLFuzzPropertyTests`): a
/// statement split by the template parser (its pieces must join back into it) and run by the
/// engine (lexer, parser, planner, executor) over the golden-script tables, every value of its
/// result rendered. An input starting with byte 0x01 is a generated statement (the rest of the
/// bytes choose its productions); any other input is the statement's own text.
enum SQLFuzzBody {
    /// The engine over `Scripts/data` (nil only if those files are broken).
    static let engine: SQLEngine? = {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/data").path
        return (try? MockCatalog(directory: data)).map(SQLEngine.init)
    }()

    /// The statement an input stands for.
    static func statement(_ bytes: [UInt8]) -> String {
        guard bytes.first == 0x01 else { return String(decoding: bytes, as: UTF8.self) }
        var generator = SQLStatementGenerator(choices: bytes.dropFirst())
        return generator.statement()
    }

    /// A statement that the template parser split into pieces that do not join back into it.
    struct TemplateMismatch: Error {
        let sql: String
        let rendered: String
    }

    static func run(_ bytes: [UInt8]) throws {
        guard let engine else { throw DBAPIError(.internal, "the golden-script tables did not load") }
        let sql = statement(bytes)
        // The binder's view of the same text: its pieces, markers written back, are the text.
        if let template = try? Template(parsing: sql) {
            let rendered = template.render { ":" + $0.name }
            guard rendered == sql else { throw TemplateMismatch(sql: sql, rendered: rendered) }
        }
        let result = try engine.execute(sql, now: 1_706_000_000_000_000)
        _ = result.rows.map { row in row.map(\.description) }
    }
}
