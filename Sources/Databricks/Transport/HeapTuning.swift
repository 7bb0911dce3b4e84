#if canImport(Glibc)
    import Glibc
#endif

/// Keeps chunk-sized buffers in the heap for reuse.
///
/// Every chunk brings buffers of a megabyte or more (the response body, its cells, the output
/// text). Above glibc's default threshold each one is mapped fresh and unmapped when freed, so
/// every byte page-faults again, chunk after chunk: about a tenth of the CPU of a 1,000,000-row
/// fetch. Raising the thresholds once, when a result starts streaming, lets freed chunks be
/// reused instead. (`mallopt` is looked up because Swift's Glibc module leaves out `malloc.h`.)
enum HeapTuning {
    static let reuseLargeBuffers: Void = {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }  // nil is RTLD_DEFAULT
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let mmapThreshold: Int32 = -3, trimThreshold: Int32 = -1  // M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
            _ = mallopt(mmapThreshold, 256 << 20)
            _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }()
}
