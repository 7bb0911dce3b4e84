import DBAPICore

extension Expr {
    /// The column name Spark generates for an unaliased expression: `count(1)`, `(qty * price)`,
    /// `upper(name)`, and for a string literal its value.
    var sqlName: String {
        switch self {
        case let .literal(value, type):
            switch value {
            case .null: return "NULL"
            case .string(let text): return text
            case .binary: return value.description
            case .date: return "DATE '\(value)'"
            case .timestamp: return "TIMESTAMP '\(value)'"
            case .timestampNTZ: return "TIMESTAMP_NTZ '\(value)'"
            case .int(let number): return String(number)
            case .decimal(let number): return JavaDecimalText.text(unscaled: number.unscaled, scale: number.scale)
            default: return Cast.string(value, type: type)
            }
        case .column(let parts): return parts.last ?? ""
        case .unary(.not, let operand): return "(NOT \(operand.sqlName))"
        case .unary(.bitNot, let operand): return "~\(operand.sqlName)"
        case let .unary(op, operand): return "(\(op.rawValue) \(operand.sqlName))"
        case let .binary(.concat, left, right): return "concat(\(left.sqlName), \(right.sqlName))"  // `||` is parsed as concat
        case let .binary(.notEqual, left, right): return "(NOT \(Expr.binary(.equal, left, right).sqlName))"  // parsed as NOT (a = b)
        case let .binary(op, left, right): return "(\(left.sqlName) \(op.rawValue) \(right.sqlName))"
        case let .isNull(operand, negated): return "(\(operand.sqlName) IS \(negated ? "NOT " : "")NULL)"
        case let .inList(operand, items, negated):
            let list = items.map(\.sqlName).joined(separator: ", ")
            return negated ? "(NOT (\(operand.sqlName) IN (\(list))))" : "(\(operand.sqlName) IN (\(list)))"
        case let .inSubquery(operand, _, negated):
            return negated ? "(NOT (\(operand.sqlName) IN (listquery())))" : "(\(operand.sqlName) IN (listquery()))"
        case let .exists(_, negated): return negated ? "(NOT exists())" : "exists()"
        case .scalarSubquery: return "scalarsubquery()"
        case let .between(operand, low, high, negated):
            let test = "between(\(operand.sqlName), \(low.sqlName), \(high.sqlName))"
            return negated ? "(NOT \(test))" : test
        case let .like(operand, pattern, caseInsensitive, negated, escape):
            var test = caseInsensitive ? "ilike(\(operand.sqlName), \(pattern.sqlName))" : "\(operand.sqlName) LIKE \(pattern.sqlName)"
            if !caseInsensitive, escape != "\\" { test += " ESCAPE '\(escape)'" }
            return negated ? "(NOT \(test))" : test
        case let .quantifiedLike(operand, _, isAll, negated):
            return "\(negated ? "not" : "")like\(isAll ? "all" : "any")(\(operand.sqlName))"
        case let .caseWhen(operand, branches, otherwise):
            // Spark prints a simple CASE as the searched CASE it stands for: `CASE WHEN (x = 1) THEN …`.
            var text = "CASE"
            for branch in branches {
                let condition = operand.map { Expr.binary(.equal, $0, branch.condition) } ?? branch.condition
                text += " WHEN \(condition.sqlName) THEN \(branch.result.sqlName)"
            }
            if let otherwise { text += " ELSE \(otherwise.sqlName)" }
            return text + " END"
        case let .subscripted(base, index): return "\(base.sqlName)[\(index.sqlName)]"
        case let .field(base, name): return "\(base.sqlName).\(name)"
        case let .aliased(operand, alias): return "\(operand.sqlName) AS \(alias)"
        case let .cast(operand, type, _) where type.isNested: return operand.sqlName  // as Spark prints it
        case let .cast(operand, type, isTry): return "\(isTry ? "TRY_CAST" : "CAST")(\(operand.sqlName) AS \(type))"
        case let .function(name, arguments, isDistinct, isStar):
            if isStar { return "\(name)(1)" }
            if let declaration = AggregateRegistry.declaration(name) {
                return declaration.printedName(name, arguments, isDistinct: isDistinct)
            }
            return FunctionNaming.printed(name, arguments.map(\.sqlName), isDistinct: isDistinct)
        case let .modifiedAggregate(call, filter, withinGroup, ignoresNulls):
            var text = call.sqlName
            if ignoresNulls, case let .function(name, arguments, isDistinct, isStar) = call {
                text =
                    Expr.function(name: Self.nullsIgnoringName(name), arguments: arguments, isDistinct: isDistinct, isStar: isStar).sqlName
            }
            if !withinGroup.isEmpty, case let .function(name, arguments, isDistinct, isStar) = call {
                let declaration = AggregateRegistry.declaration(name)
                if let printed = declaration?.printedWithinGroupAs {
                    text = Expr.function(name: printed, arguments: arguments, isDistinct: isDistinct, isStar: isStar).sqlName
                }
                let explicitOrder = declaration?.printsNullOrder ?? false
                let reversed = declaration?.printsReversedOrder ?? false
                let keys = withinGroup.map { item in
                    var key = item.expression.sqlName
                    if explicitOrder {
                        key += item.isAscending ? " ASC" : " DESC"
                        key += item.effectiveNullsFirst ? " NULLS FIRST" : " NULLS LAST"
                    } else if item.isAscending == reversed {
                        key += " DESC"
                    }
                    return key
                }
                text += " WITHIN GROUP (ORDER BY \(keys.joined(separator: ", ")))"
            }
            if let filter { text += " FILTER (WHERE \(filter.sqlName))" }
            return text
        case .window(let call): return WindowSpecText.text(call)
        case let .lambda(parameters, body): return Self.lambdaName(parameters, body)
        }
    }

    /// The name Spark prints for `name(…) IGNORE NULLS`: first_value and last_value print as first and last.
    static func nullsIgnoringName(_ name: String) -> String {
        switch name {
        case "first_value": "first"
        case "last_value": "last"
        default: name
        }
    }
}
