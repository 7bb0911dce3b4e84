import DBAPICore
import Foundation

/// from_utc_timestamp(ts, zone) and to_utc_timestamp(ts, zone): a TIMESTAMP read as UTC shown as the wall
/// clock of `zone`, and back; convert_timezone, a TIMESTAMP_NTZ wall clock moved from one zone to another. Zones are region IDs from the system's tz database (`America/New_York`), offsets
/// (`+05:30`, `-08`, `GMT-03:00`, `UTC+8`) and `UTC`/`Z`; Foundation's TimeZone is only consulted for a region ID.
enum TimeZoneFunctions {
    static let declarations: [ScalarDeclaration] = [
        .strict(["from_utc_timestamp"], .timestamp, .string, returns: .timestamp) { value, zone throws(EngineError) in
            guard case .timestamp(let micros) = value else { return .null }
            return .timestamp(try Zone(zone.text).wallClock(atUTC: micros))
        },
        .strict(["to_utc_timestamp"], .timestamp, .string, returns: .timestamp) { value, zone throws(EngineError) in
            guard case .timestamp(let micros) = value else { return .null }
            return .timestamp(try Zone(zone.text).utc(ofWallClock: micros))
        },
        // convert_timezone([source,] target, ts): the wall clock `ts` of `source` (the session's zone, UTC, when
        // omitted) as the wall clock of `target`.
        ScalarDeclaration(
            names: ["convert_timezone"], arity: 2...3,
            printer: { name, arguments in arguments.count == 2 ? "\(name)(current_timezone(), \(arguments.joined(separator: ", ")))" : nil }
        ) { call throws(EngineError) in
            let first = call.count - 2
            let source: Evaluator = first == 1 ? try call.argument(0, as: .string) : { @Sendable _, _ in .string("UTC") }
            let target = try call.argument(first, as: .string)
            let value =
                [.date, .timestamp].contains(call.type(first + 1))
                ? call.nestedArgument(first + 1, as: .timestampNTZ) : try call.argument(first + 1, as: .timestampNTZ)
            return CompiledExpr(type: .timestampNTZ) { row, context throws(EngineError) in
                guard case .string(let from) = try source(row, context), case .string(let to) = try target(row, context),
                    case .timestampNTZ(let micros) = try value(row, context)
                else { return .null }
                return .timestampNTZ(try Zone(to).wallClock(atUTC: try Zone(from).utc(ofWallClock: micros)))
            }
        },
    ]

    /// A time zone: a fixed offset or a tz database region.
    struct Zone {
        private let fixed: Int?
        private let region: TimeZone?

        init(_ name: String) throws(EngineError) {
            let upper = name.uppercased()
            if ["UTC", "Z", "GMT", "UT"].contains(upper) {
                (fixed, region) = (0, nil)
                return
            }
            for prefix in ["UTC", "GMT", "UT"] where upper.hasPrefix(prefix) {
                if let seconds = Self.offset(String(upper.dropFirst(prefix.count))) {
                    (fixed, region) = (seconds, nil)
                    return
                }
            }
            if let seconds = Self.offset(upper) {
                (fixed, region) = (seconds, nil)
                return
            }
            guard name.contains("/"), let zone = TimeZone(identifier: name) else {
                throw EngineError.analysis(
                    "INVALID_TIMEZONE",
                    "The timezone: \(name) is invalid. The timezone must be either a region-based zone ID or a zone offset. Region IDs "
                        + "must have the form 'area/city', such as 'America/Los_Angeles'. Zone offsets must be in the format '(+|-)HH', "
                        + "'(+|-)HH:mm’ or '(+|-)HH:mm:ss', e.g '-08' , '+01:00' or '-13:33:33', and must be in the range from -18:00 "
                        + "to +18:00. 'Z' and 'UTC' are accepted as synonyms for '+00:00'.")
            }
            (fixed, region) = (nil, zone)
        }

        /// The UTC instant at which this zone's clocks show `micros` (the later reading in a gap, as Java's).
        func utc(ofWallClock micros: Int64) throws(EngineError) -> Int64 {
            let guess = try CalendarMath.adding(micros, -Int64(offset(atUTC: micros)) * CivilTime.microsPerSecond)
            return try CalendarMath.adding(micros, -Int64(offset(atUTC: guess)) * CivilTime.microsPerSecond)
        }

        /// What this zone's clocks show at the UTC instant `micros`.
        func wallClock(atUTC micros: Int64) throws(EngineError) -> Int64 {
            try CalendarMath.adding(micros, Int64(offset(atUTC: micros)) * CivilTime.microsPerSecond)
        }

        /// Seconds east of UTC at the UTC instant `micros`.
        func offset(atUTC micros: Int64) -> Int {
            if let fixed { return fixed }
            let date = Date(timeIntervalSince1970: Double(CivilTime.floorDivide(micros, CivilTime.microsPerSecond).0))
            return region?.secondsFromGMT(for: date) ?? 0
        }

        /// `±H`, `±HH`, `±HH:MM`, `±HHMM`, `±HH:MM:SS` in seconds (within ±18:00), or nil.
        private static func offset(_ text: String) -> Int? {
            guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
            let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            var numbers: [Int] = []
            if parts.count == 1, parts[0].count == 4, let whole = Int(parts[0]) {
                numbers = [whole / 100, whole % 100]
            } else {
                for part in parts {
                    guard !part.isEmpty, part.count <= 2, let value = Int(part) else { return nil }
                    numbers.append(value)
                }
            }
            guard (1...3).contains(numbers.count), numbers.dropFirst().allSatisfy({ $0 < 60 }) else { return nil }
            let seconds = numbers[0] * 3600 + (numbers.count > 1 ? numbers[1] * 60 : 0) + (numbers.count > 2 ? numbers[2] : 0)
            guard seconds <= 18 * 3600 else { return nil }
            return sign == "-" ? -seconds : seconds
        }
    }
}
