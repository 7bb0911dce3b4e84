import DBAPICore

/// Checking a written window frame and folding its offsets, as Spark's analyzer does.
enum WindowFrames {
    /// The frame `frame` of a window ordered as `spec` says, with constant offsets.
    static func resolve(
        _ frame: WindowFrame, _ spec: WindowSpec, compile: (Expr) throws(EngineError) -> CompiledExpr
    ) throws(EngineError) -> FrameSpec {
        let text = text(frame)
        if frame.start == .unboundedFollowing || frame.end == .unboundedPreceding {
            let (lower, upper) = (boundText(frame.start), boundText(frame.end))
            throw EngineError.windowDataType(
                "SPECIFIED_WINDOW_FRAME_INVALID_BOUND", text,
                "Window frame upper bound \"\(upper)\" does not follow the lower bound \"\(lower)\".")
        }
        let hasOffset = [frame.start, frame.end].contains { bound in
            if case .preceding = bound { return true }
            if case .following = bound { return true }
            return false
        }
        var orderType: SQLType?
        if frame.unit == .range, hasOffset {
            guard !spec.orderBy.isEmpty else {
                throw EngineError.windowDataType(
                    "RANGE_FRAME_WITHOUT_ORDER", WindowSpecText.text(spec),
                    "A range window frame cannot be used in an unordered window specification.")
            }
            guard spec.orderBy.count == 1 else {
                throw EngineError.windowDataType(
                    "RANGE_FRAME_MULTI_ORDER", WindowSpecText.text(spec),
                    "A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions."
                )
            }
            orderType = try compile(spec.orderBy[0].expression).type
        }
        var numbers: [Double] = []
        func edge(_ bound: FrameBound, isLower: Bool) throws(EngineError) -> FrameSpec.Edge {
            switch bound {
            case .unboundedPreceding: numbers.append(-.infinity); return .unboundedPreceding
            case .unboundedFollowing: numbers.append(.infinity); return .unboundedFollowing
            case .currentRow: numbers.append(0); return .currentRow
            case .preceding(let offset), .following(let offset):
                let isPreceding: Bool
                if case .preceding = bound { isPreceding = true } else { isPreceding = false }
                let compiled = try compile(offset)
                guard let value = offset.foldedValue(compiled) else { throw EngineError.frameBoundNotLiteral }
                let side = isLower ? "lower" : "upper"
                if frame.unit == .rows {
                    guard compiled.type == .int || compiled.type == .smallint || compiled.type == .tinyint, case .int(let rows) = value
                    else {
                        throw EngineError.windowDataType(
                            "SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", text,
                            "The data type of the \(side) bound \"\(compiled.type)\" does not match the expected data type \"INT\".")
                    }
                    let signed = isPreceding ? -Int(rows) : Int(rows)
                    numbers.append(Double(signed))
                    return .rows(signed)
                }
                return try rangeEdge(value, compiled.type, orderType ?? .null, isPreceding: isPreceding, side, text, spec, &numbers)
            }
        }
        let start = try edge(frame.start, isLower: true)
        let end = try edge(frame.end, isLower: false)
        if numbers.count == 2, numbers[0] > numbers[1] {
            throw EngineError.windowDataType(
                "SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", text,
                "The lower bound of a window frame must be less than or equal to the upper bound.")
        }
        return FrameSpec(isRange: frame.unit == .range, start: start, end: end)
    }

    /// A RANGE offset: a number, converted to the order key's domain (DOUBLE keys compare with DOUBLE
    /// offsets); over a DATE key, an INT number of days, an INTERVAL DAY or a year-month interval; over a
    /// TIMESTAMP key, any ANSI interval.
    private static func rangeEdge(
        _ value: SQLValue, _ type: SQLType, _ orderType: SQLType, isPreceding: Bool, _ side: String, _ text: String,
        _ spec: WindowSpec, _ numbers: inout [Double]
    ) throws(EngineError) -> FrameSpec.Edge {
        if [.date, .timestamp, .timestampNTZ].contains(orderType) {
            if case .interval(let start, let end) = type, orderType != .date || start.isYearMonth || (start == .day && end == .day) {
                guard case .interval(let interval) = value else { throw EngineError.unsupported("a RANGE frame offset of NULL") }
                let magnitude = Double(interval.amount) * (interval.isYearMonth ? 30 * Double(CivilTime.microsPerDay) : 1)
                numbers.append(isPreceding ? -magnitude : magnitude)
                return .range(value, isPreceding: isPreceding)
            }
            guard orderType == .date, type == .int else {
                throw EngineError.windowDataType(
                    "RANGE_FRAME_INVALID_TYPE", WindowSpecText.text(spec),
                    "The data type \"\(orderType)\" used in the order specification does not support the data type \"\(type)\" "
                        + "which is used in the range frame.")
            }
        } else if !orderType.isNumeric && orderType != .null {
            throw EngineError.windowDataType(
                "SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", text,
                "The data type of the \(side) bound \"\(orderType)\" does not match the expected data type "
                    + "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\").")
        }
        guard type.isNumeric else { throw EngineError.unsupported("a RANGE frame offset of type \(type)") }
        var offset = value
        let magnitude: Double
        switch value {
        case .int(let number): magnitude = Double(number)
        case .double(let number): magnitude = number
        case .decimal(let number): magnitude = Double(number.description) ?? 0
        default: throw EngineError.unsupported("a RANGE frame offset of NULL")
        }
        if orderType == .double || orderType == .float { offset = .double(magnitude) }
        if case .decimal = orderType, case .double = value {
            throw EngineError.unsupported("a DOUBLE RANGE offset over a DECIMAL order key")
        }
        numbers.append(isPreceding ? -magnitude : magnitude)
        return .range(offset, isPreceding: isPreceding)
    }

    /// `ROWS BETWEEN 1 PRECEDING AND CURRENT ROW`, as Spark prints a frame.
    static func text(_ frame: WindowFrame) -> String {
        "\(frame.unit.rawValue) BETWEEN \(boundText(frame.start)) AND \(boundText(frame.end))"
    }

    /// A resolved frame as Spark prints it.
    static func text(_ frame: FrameSpec) -> String {
        func edge(_ edge: FrameSpec.Edge) -> String {
            switch edge {
            case .unboundedPreceding: "UNBOUNDED PRECEDING"
            case .unboundedFollowing: "UNBOUNDED FOLLOWING"
            case .currentRow: "CURRENT ROW"
            case .rows(let offset): offset < 0 ? "\(-offset) PRECEDING" : "\(offset) FOLLOWING"
            case let .range(value, isPreceding): "\(value) \(isPreceding ? "PRECEDING" : "FOLLOWING")"
            }
        }
        return "\(frame.isRange ? "RANGE" : "ROWS") BETWEEN \(edge(frame.start)) AND \(edge(frame.end))"
    }

    /// A written frame as Spark's legacy frame-mismatch message prints it, its offsets as written:
    /// `specifiedwindowframe(RowFrame, -2, currentrow$())` for `ROWS BETWEEN 2 PRECEDING AND CURRENT ROW`.
    static func internalText(_ frame: WindowFrame) -> String {
        func edge(_ bound: FrameBound) -> String {
            switch bound {
            case .unboundedPreceding: "unboundedpreceding$()"
            case .unboundedFollowing: "unboundedfollowing$()"
            case .currentRow: "currentrow$()"
            case .preceding(let offset): "-\(offset.sqlName)"
            case .following(let offset): offset.sqlName
            }
        }
        return "specifiedwindowframe(\(frame.unit == .range ? "RangeFrame" : "RowFrame"), \(edge(frame.start)), \(edge(frame.end)))"
    }

    static func boundText(_ bound: FrameBound) -> String {
        switch bound {
        case .unboundedPreceding: "UNBOUNDED PRECEDING"
        case .unboundedFollowing: "UNBOUNDED FOLLOWING"
        case .currentRow: "CURRENT ROW"
        case .preceding(let offset): "\(offset.sqlName) PRECEDING"
        case .following(let offset): "\(offset.sqlName) FOLLOWING"
        }
    }
}
