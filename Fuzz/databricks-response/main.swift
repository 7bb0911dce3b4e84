/// libFuzzer entry of the `databricks-response` target: see Fuzz/README.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzCheck(data, size, DatabricksResponseFuzzBody.run)
}
