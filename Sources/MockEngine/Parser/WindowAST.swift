/// A window function call as written: `lag(x, 1) IGNORE NULLS OVER (PARTITION BY g ORDER BY t)`.
struct WindowCall: Sendable, Equatable {
    var name: String
    var arguments: [Expr]
    var isDistinct: Bool
    var isStar: Bool
    /// `IGNORE NULLS` after the call (`RESPECT NULLS`, the default, is false).
    var ignoresNulls: Bool
    var window: WindowReference
    /// An aggregate's `FILTER (WHERE …)` before OVER.
    var filter: Expr? = nil
    /// An aggregate's `WITHIN GROUP (ORDER BY …)` before OVER.
    var withinGroup: [OrderItem] = []
}

/// `OVER w` names a window of the WINDOW clause; `OVER (…)` defines one inline.
enum WindowReference: Sendable, Equatable {
    case named(String)
    case inline(WindowSpec)
}

/// `(PARTITION BY … ORDER BY … frame)`.
struct WindowSpec: Sendable, Equatable {
    var partitionBy: [Expr] = []
    var orderBy: [OrderItem] = []
    var frame: WindowFrame?
}

/// `ROWS | RANGE BETWEEN start AND end` (a single bound is `BETWEEN bound AND CURRENT ROW`).
struct WindowFrame: Sendable, Equatable {
    enum Unit: String, Sendable, Equatable {
        case rows = "ROWS"
        case range = "RANGE"
    }

    var unit: Unit
    var start: FrameBound
    var end: FrameBound
}

/// One end of a window frame.
enum FrameBound: Sendable, Equatable {
    case unboundedPreceding
    case preceding(Expr)
    case currentRow
    case following(Expr)
    case unboundedFollowing
}

/// `WINDOW name AS spec`: `spec` may itself name another window.
struct NamedWindow: Sendable, Equatable {
    var name: String
    var window: WindowReference
}
