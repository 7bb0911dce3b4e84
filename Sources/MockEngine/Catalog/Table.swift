import DBAPICore

/// A table held in memory: its qualified name, columns, and rows.
public struct Table: Sendable {
    /// The three-part name `catalog.schema.table`, lower-cased.
    public let name: String
    public let columns: [ResultColumn]
    public let rows: [Row]

    public init(name: String, columns: [ResultColumn], rows: [Row]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
