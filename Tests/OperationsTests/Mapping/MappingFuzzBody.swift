import DBAPICore

@testable import Operations

/// One input of the `mapping` fuzz target (`scripts/fuzz.sh mapping`, and
/// `MappingFuzzPropertyTests`): the input is a response-mapping expression, parsed, checked and
/// evaluated over a small `results`/`params` scope holding every kind of value, as `run` does.
enum MappingFuzzBody {
    static let scope: [String: MappingValue] = {
        let rows = """
            {"stock": [{"sku": "KIT-1", "warehouse_id": "W-BER", "qty": 40, "price": 1.25, "tags": ["a", "b"], "note": null},
                       {"sku": "KIT-2", "warehouse_id": "W-LON", "qty": -3, "price": 0.5, "tags": [], "note": "x"}],
             "empty": [], "ping": [{"ok": 1, "server_time": "2024-01-31T10:00:00Z"}]}
            """
        var params = MappingDict()
        let values: [(String, MappingValue)] = [
            ("sku", .string("KIT-1")), ("min_qty", .int(0)), ("big", .int(.max)), ("small", .int(.min)), ("ratio", .float(0.5)),
            ("price", .decimal(SQLDecimal(string: "12.34") ?? SQLDecimal(0))), ("flag", .bool(true)), ("none", .none),
            ("day", .date(19_753)), ("at", .timestamp(1_706_695_200_000_000)), ("ids", .list([.int(1), .int(2), .none])),
        ]
        for (name, value) in values { params[.string(name)] = value }
        let results = (try? JSONParser.parse(rows)).map { MappingValue(json: $0) } ?? .none
        return ["results": results, "params": .dict(params)]
    }()

    static func run(_ bytes: [UInt8]) throws {
        let expression = try MappingExpression(String(decoding: bytes, as: UTF8.self))
        let value = try expression.evaluate(scope)
        var size = MappingResultSize(MappingLimits())
        try size.add(value)  // as `run` does before writing: a result too large to write is an error
        _ = JSONWriter().string(value.json)
    }
}
