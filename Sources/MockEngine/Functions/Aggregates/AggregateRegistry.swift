import DBAPICore

/// Every aggregate function the mock engine knows, declared once in its family's file; the planner,
/// the name generator and the function-name suggestions read this table.
enum AggregateRegistry {
    static let declarations: [AggregateDeclaration] =
        BasicAggregates.declarations + ConditionalAggregates.declarations + StatisticalAggregates.declarations
        + PercentileAggregates.declarations + CollectionAggregates.declarations + TryAggregates.declarations
        + RegressionAggregates.declarations + BitwiseAggregates.declarations

    private static let byName: [String: AggregateDeclaration] = {
        var table: [String: AggregateDeclaration] = [:]
        for declaration in declarations {
            for name in declaration.names { table[name] = declaration }
        }
        return table
    }()

    /// Every name an aggregate answers to, sorted.
    static let names = byName.keys.sorted()

    static func declaration(_ name: String) -> AggregateDeclaration? { byName[name] }

    static func isAggregate(_ name: String) -> Bool { byName[name] != nil }
}
