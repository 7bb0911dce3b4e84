/// libFuzzer entry of the `csv` target: see Fuzz/README.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzCheck(data, size, { try TableFileFuzzBody.run($0, format: .csv) })
}
