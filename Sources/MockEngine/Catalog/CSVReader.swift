import DBAPICore

/// An RFC 4180 CSV file split into fields without copying: every field is a byte range into the file.
///
/// Quoted fields may contain commas, newlines and doubled quotes; an unquoted empty field is NULL,
/// a quoted empty field (`""`) is the empty string. A leading UTF-8 BOM is stripped deliberately.
/// Blank lines are skipped, except in a one-column file, where a blank line is a record whose field
/// is NULL (that is how a NULL row is written there). Ill-formed UTF-8 is an error naming its line
/// and field.
struct CSVReader {
    struct Field {
        var start: Int
        var end: Int
        var isQuoted: Bool
    }

    let bytes: [UInt8]
    let file: String
    private(set) var header: [String] = []
    /// Fields of every record after the header, row-major, `header.count` per record.
    private(set) var fields: [Field] = []
    /// The 1-based line on which each record starts.
    private(set) var recordLines: [Int] = []

    var recordCount: Int { recordLines.count }

    init(bytes: [UInt8], file: String) throws(EngineError) {
        self.bytes = bytes
        self.file = file
        try split(invalidUTF8At: StrictUTF8.firstInvalidOffset(bytes))
    }

    /// The text of a field, or nil for an unquoted empty field.
    func text(_ field: Field) -> String? {
        if !field.isQuoted {
            return field.start == field.end ? nil : String(decoding: bytes[field.start..<field.end], as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(field.end - field.start)
        var index = field.start
        while index < field.end {
            out.append(bytes[index])
            index += bytes[index] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    func field(record: Int, column: Int) -> Field { fields[record * header.count + column] }

    /// Splits the file into records. Every byte that is not ASCII lies inside some field, so a bad
    /// byte at `invalidUTF8At` is reported by the field that holds it.
    private mutating func split(invalidUTF8At invalid: Int?) throws(EngineError) {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var record: [Field] = []
        var isHeader = true
        let count = bytes.count
        while index < count {
            let recordLine = line
            record.removeAll(keepingCapacity: true)
            // One record.
            while true {
                let fieldLine = line
                var field = Field(start: index, end: index, isQuoted: false)
                if index < count, bytes[index] == UInt8(ascii: "\"") {
                    field.isQuoted = true
                    index += 1
                    field.start = index
                    let quoteLine = line
                    while true {
                        guard index < count else {
                            throw EngineError.dataFile(file: file, line: quoteLine, column: nil, message: "unterminated quoted field")
                        }
                        let byte = bytes[index]
                        if byte == UInt8(ascii: "\"") {
                            if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") {
                                index += 2
                                continue
                            }
                            break
                        }
                        if byte == UInt8(ascii: "\n") { line += 1 }
                        index += 1
                    }
                    field.end = index
                    index += 1
                    if index < count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n"),
                        bytes[index] != UInt8(ascii: "\r")
                    {
                        throw EngineError.dataFile(
                            file: file, line: line, column: record.count + 1, message: "unexpected text after a closing quote")
                    }
                } else {
                    while index < count {
                        let byte = bytes[index]
                        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                        index += 1
                    }
                    field.end = index
                }
                if let invalid, invalid >= field.start, invalid < field.end {
                    let line = fieldLine + bytes[field.start..<invalid].count { $0 == UInt8(ascii: "\n") }
                    throw UTF8Validation.error(file: file, bytes: bytes, at: invalid, line: line, column: record.count + 1)
                }
                record.append(field)
                if index < count, bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if index < count, bytes[index] == UInt8(ascii: "\r") { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                    line += 1
                }
                break
            }
            let isBlank = record.count == 1 && record[0].start == record[0].end && !record[0].isQuoted
            if isBlank, isHeader || header.count != 1 { continue }
            if isHeader {
                header = record.map { text($0) ?? "" }
                isHeader = false
                continue
            }
            guard record.count == header.count else {
                throw EngineError.dataFile(
                    file: file, line: recordLine, column: nil,
                    message: "expected \(header.count) fields as in the header, found \(record.count)")
            }
            fields.append(contentsOf: record)
            recordLines.append(recordLine)
        }
        if isHeader { throw EngineError.dataFile(file: file, line: 1, column: nil, message: "the file is empty: a header row is required") }
    }
}
