import DBAPICore

extension ParamSpec {
    /// The typed value for this parameter from what the caller sent (nil when absent).
    ///
    /// - Throws: `ParamError` naming the parameter, the expected form and the value received.
    public func coerce(_ raw: RawParam?) throws(ParamError) -> SQLValue {
        guard let raw else {
            if let defaultValue { return try coerce(.json(defaultValue)) }
            if isRequired { throw ParamError.missing(param: name, expected: expected) }
            return .null
        }
        if raw == .json(.null) {
            guard isNullable || (!isRequired && defaultValue == nil) else {
                throw ParamError.notNullable(param: name, expected: expected)
            }
            return .null
        }
        let value = try typed(raw)
        try check(value, raw)
        return value
    }

    private func invalid(_ raw: RawParam) -> ParamError {
        .invalid(param: name, expected: expected, received: raw.display)
    }

    /// The value converted to this parameter's type, before constraints.
    private func typed(_ raw: RawParam) throws(ParamError) -> SQLValue {
        switch (type, raw) {
        case (.string, .text(let text)), (.string, .json(.string(let text))):
            return .string(text)
        case (.identifier, .text(let text)), (.identifier, .json(.string(let text))):
            guard Self.isIdentifier(text) else { throw invalid(raw) }
            return .string(text)
        case (.integer, .json(.int(let number))):
            return .int(number)
        case (.integer, .text(let text)):
            guard let number = Int64(text.trimmingSpaces()) else { throw invalid(raw) }
            return .int(number)
        case (.number, .json(.int(let number))):
            return .double(Double(number))
        case (.number, .json(.number(let text))), (.number, .text(let text)):
            guard let number = Double(text.trimmingSpaces()), number.isFinite else { throw invalid(raw) }
            return .double(number)
        case (.decimal, .json(.int(let number))):
            return try fitDecimal(SQLDecimal(number), raw)
        case (.decimal, .json(.number(let text))), (.decimal, .text(let text)):
            guard let number = SQLDecimal(string: text.trimmingSpaces()) else { throw invalid(raw) }
            return try fitDecimal(number, raw)
        case (.boolean, .json(.bool(let flag))):
            return .bool(flag)
        case (.boolean, .json(.int(let number))) where number == 0 || number == 1:
            return .bool(number == 1)
        case (.boolean, .text(let text)):
            switch text.trimmingSpaces().lowercased() {
            case "true", "1", "yes", "y", "on": return .bool(true)
            case "false", "0", "no", "n", "off": return .bool(false)
            default: throw invalid(raw)
            }
        case (.date, .text(let text)), (.date, .json(.string(let text))):
            guard let days = CivilTime.parseDate(text.trimmingSpaces()) else { throw invalid(raw) }
            return .date(days)
        case (.timestamp, .text(let text)), (.timestamp, .json(.string(let text))):
            if declaredSQLType == .timestampNTZ {
                guard let micros = CivilTime.parseLocalTimestamp(text.trimmingSpaces()) else { throw invalid(raw) }
                return .timestampNTZ(micros)
            }
            guard let micros = CivilTime.parseTimestamp(text.trimmingSpaces()) else { throw invalid(raw) }
            return .timestamp(micros)
        case (.array, .json(.array(let items))):
            return try array(items.map { .json($0) }, raw)
        case (.array, .text(let text)):
            let trimmed = text.trimmingSpaces()
            if trimmed.hasPrefix("[") {
                guard case .array(let items)? = try? JSONParser.parse(trimmed) else { throw invalid(raw) }
                return try array(items.map { .json($0) }, raw)
            }
            let parts =
                trimmed.isEmpty ? [] : trimmed.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            return try array(parts.map { .text($0) }, raw)
        default:
            throw invalid(raw)
        }
    }

    private func array(_ elements: [RawParam], _ raw: RawParam) throws(ParamError) -> SQLValue {
        guard let element = items?.spec else { throw invalid(raw) }
        var values: [SQLValue] = []
        values.reserveCapacity(elements.count)
        for (index, item) in elements.enumerated() {
            let spec = element.renamed("\(name)[\(index)]")
            values.append(try spec.coerce(item))
        }
        return .array(values)
    }

    func renamed(_ newName: String) -> ParamSpec {
        ParamSpec(
            name: newName, type: type, isRequired: true, isNullable: isNullable, defaultValue: nil, summary: summary,
            pattern: pattern, minLength: minLength, maxLength: maxLength, allowed: allowed, minimum: minimum,
            maximum: maximum, minItems: minItems, maxItems: maxItems, items: items?.spec, sqlType: declaredSQLType)
    }

    private func fitDecimal(_ number: SQLDecimal, _ raw: RawParam) throws(ParamError) -> SQLValue {
        guard case let .decimal(precision?, scale) = type else { return .decimal(number) }
        let targetScale = scale ?? 0
        guard number.normalized.scale <= targetScale, let fitted = number.fitted(precision: precision, scale: targetScale) else {
            throw invalid(raw)
        }
        return .decimal(fitted)
    }

    /// Checks enum, range, length and pattern constraints on a typed value.
    private func check(_ value: SQLValue, _ raw: RawParam) throws(ParamError) {
        if let allowed {
            let matches = allowed.contains { candidate in
                (try? self.typed(.json(candidate))).map { $0 == value } ?? false
            }
            guard matches else { throw invalid(raw) }
        }
        switch value {
        case .int(let number): try checkRange(SQLDecimal(number), raw)
        case .decimal(let number): try checkRange(number, raw)
        case .double(let number):
            // Exactly when the double has a 38-digit decimal form, else (1e300) as doubles.
            if let exact = SQLDecimal(string: "\(number)") {
                try checkRange(exact, raw)
            } else if let minimum, number < minimum.doubleValue {
                throw invalid(raw)
            } else if let maximum, number > maximum.doubleValue {
                throw invalid(raw)
            }
        default: break
        }
        if declaredSQLType == .float, case .double(let number) = value, !Float(number).isFinite { throw invalid(raw) }
        if case .string(let text) = value {
            let length = text.unicodeScalars.count
            if let minLength, length < minLength { throw invalid(raw) }
            if let maxLength, length > maxLength { throw invalid(raw) }
            if let pattern, !pattern.matches(text) { throw invalid(raw) }
        }
        if case .array(let items) = value {
            if let minItems, items.count < minItems { throw invalid(raw) }
            if let maxItems, items.count > maxItems { throw invalid(raw) }
        }
    }

    private func checkRange(_ exact: SQLDecimal, _ raw: RawParam) throws(ParamError) {
        if let minimum, SQLDecimal.compare(exact, minimum) < 0 { throw invalid(raw) }
        if let maximum, SQLDecimal.compare(exact, maximum) > 0 { throw invalid(raw) }
    }

    /// `name`, `schema.name` or `catalog.schema.name`, each part `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic || first == "_" else { return false }
            return part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        }
    }
}
