import DBAPICore

/// Runs one libFuzzer input through a target's body. Returning and throwing a `ReportableError`
/// are the two allowed outcomes; any other error is a finding, so it aborts and libFuzzer keeps the
/// input (as it does for a trap, an ASan report, a timeout or running out of memory).
func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: ([UInt8]) throws -> Void) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try body(bytes)
    } catch is any ReportableError {
        return 0
    } catch {
        fatalError("unreportable error \(type(of: error)): \(error)")
    }
    return 0
}
