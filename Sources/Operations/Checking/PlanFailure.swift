import SQLText

/// Why a statement could not be planned, as `dbapi check` reports it: Spark's error class, the
/// message, and where the problem is in the statement (a planner reports names, not positions, for
/// most analysis errors; `TemplateChecker` finds the name in the template).
public struct PlanFailure: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        /// Line and column (1-based, UTF-8 bytes) in the statement as planned.
        case position(line: Int, column: Int)
        /// The first occurrence of this name (its last dotted part) in the template.
        case name(String)
        /// What follows the first occurrence of this keyword (`LIMIT :n`).
        case after(keyword: Keyword)
        case unknown
    }

    public let errorClass: String
    public let message: String
    public let place: Place

    public init(errorClass: String, message: String, place: Place) {
        self.errorClass = errorClass
        self.message = message
        self.place = place
    }
}

/// Plans one statement without running it: nil when it plans, else why not. `dbapi check` passes the
/// mock engine's planner.
public typealias StatementPlanner = @Sendable (String) -> PlanFailure?
