#if canImport(Glibc)
    import Glibc
#endif

/// glibc heap settings for a process that streams multi-megabyte responses, applied once when the
/// Databricks backend is created, before its threads allocate (the mock path never pays for it).
///
/// - One arena: the fetch, decode and write threads would each get their own arena, where memory
///   one thread frees cannot hold what another allocates next (a few MB of peak RSS on a 200,000-row
///   fetch; malloc is rare on the hot paths, so the shared lock costs nothing measurable).
/// - Larger mmap and trim thresholds: every chunk brings buffers of a megabyte or more (the
///   response body, its cells, the output text); above the default threshold each is mapped fresh
///   and unmapped when freed, so every byte page-faults again, chunk after chunk (about a tenth of
///   the CPU of a 1,000,000-row fetch). With them, freed chunks are reused.
///
/// `mallopt` is looked up because Swift's Glibc module leaves out `malloc.h`.
enum HeapTuning {
    static let applied: Void = {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(nil, "mallopt") else { return }  // nil is RTLD_DEFAULT
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8  // M_* in malloc.h
            _ = mallopt(arenaMax, 1)
            _ = mallopt(mmapThreshold, 256 << 20)
            _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }()
}
