#if canImport(Glibc)
    import Glibc
#endif

/// glibc heap settings for a process that streams multi-megabyte responses across threads.
///
/// `mallopt` is looked up because Swift's Glibc module leaves out `malloc.h`.
public enum HeapTuning {
    /// One arena for every thread. Call it before the process starts other threads (first thing in
    /// `main`): a thread that has allocated keeps the arena it got. With one arena per thread, memory
    /// the fetch threads free cannot hold what the decode and write threads allocate next (about 2 MB
    /// of peak RSS on a 200,000-row fetch); malloc is rare on the hot paths, so the shared lock costs
    /// nothing measurable.
    public static func useOneArena() {
        mallopt(option: -8, value: 1)  // M_ARENA_MAX
    }

    /// Larger mmap and trim thresholds, applied once when the Databricks backend is created (the mock
    /// path keeps glibc's defaults): every chunk brings buffers of a megabyte or more (the response
    /// body, its cells); above the default threshold each is mapped fresh and unmapped when freed, so
    /// every byte page-faults again, chunk after chunk (about a tenth of the CPU of a 1,000,000-row
    /// fetch). With them, freed chunks are reused. Later calls do nothing.
    static func keepChunkBuffers() { _ = chunkBuffersKept }

    private static let chunkBuffersKept: Void = {
        mallopt(option: -3, value: 256 << 20)  // M_MMAP_THRESHOLD
        mallopt(option: -1, value: 512 << 20)  // M_TRIM_THRESHOLD
    }()

    private static func mallopt(option: Int32, value: Int32) {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }  // nil is RTLD_DEFAULT
            _ = unsafeBitCast(symbol, to: Mallopt.self)(option, value)
        #endif
    }
}
