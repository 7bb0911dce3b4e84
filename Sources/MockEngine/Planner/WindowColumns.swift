import DBAPICore

/// Where the window stage puts each call's result: after the `base` columns of its input, in the
/// order of `calls`. Expressions above the stage read a window call from there.
struct WindowColumns: Sendable {
    let calls: [WindowCall]
    let types: [SQLType]
    let base: Int

    /// The row position holding `call`'s result, if the stage computes it.
    func position(of call: WindowCall) -> Int? {
        calls.firstIndex(of: call).map { base + $0 }
    }
}
