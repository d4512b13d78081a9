#if canImport(Glibc)
import Glibc

/// glibc heap settings for a long batch of same-sized tracks.
///
/// Every track allocates tens of megabytes of spectrogram-sized buffers. By default glibc returns
/// them to the kernel when freed (unmapping or trimming worker-thread heaps), and the next track
/// faults every page in again: about a quarter of the CPU time. Raising the mmap and trim
/// thresholds keeps the memory for reuse (peak memory is unchanged). `mallopt` is looked up at
/// run time because Swift's Glibc module does not export `malloc.h`.
enum HeapTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
    private static let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD

    /// Keeps freed buffers of up to 32 MB (glibc's largest mmap threshold) in the heap.
    static func keepFreedBuffers() {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
    }
}
#else
/// Heap settings apply to glibc only.
enum HeapTuning {
    static func keepFreedBuffers() {}
}
#endif
