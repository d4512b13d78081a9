import Foundation

/// A process-wide cache of large freed tensor buffers, reused by later tensors of a similar size.
///
/// Training allocates activations and gradients of tens to hundreds of MB at every step. glibc
/// serves blocks that large with `mmap` and unmaps them on free, so without reuse every step
/// faults in and zeroes fresh pages in the kernel. Instead, a tensor buffer of at least
/// `minimumByteCount` bytes goes back to this cache when its last tensor is released, and the next
/// tensor of the same size class takes it.
///
/// - Size classes: byte counts are rounded up to a quarter power of two (1, 1.25, 1.5, 1.75, 2 MiB,
///   …; see `sizeClass(forByteCount:)`), so tensors of nearby sizes share buffers, at most 25 %
///   larger than requested (the unused tail is never touched, so it costs no resident memory).
/// - Bound: the cache holds at most `maximumByteCount` bytes and releases the least recently freed
///   buffers first. `purge()` empties it.
/// - Peak memory: a request no cached buffer fits first releases at least as many cached bytes as
///   it allocates, so live plus cached memory never exceeds the peak of live tensor memory.
/// - Contents: a reused buffer keeps its old values. Tensors that need zeros fill them (as
///   `Tensor.zeros` does); kernels that write every element skip the fill.
/// - Thread safety: all members may be used from any thread, including `Parallel.parallelFor` workers.
public enum TensorBufferCache {
    /// Smallest buffer, in bytes, that goes through the cache (256 KiB); smaller ones use `malloc` directly.
    public static let minimumByteCount = 256 << 10

    /// Most bytes the cache holds; 0 disables it. Lowering it releases buffers at once.
    ///
    /// Starts at `GENREKIT_BUFFER_CACHE_MB` MiB when that variable is set, else at the smaller of
    /// 1 GiB and a quarter of physical memory.
    public static var maximumByteCount: Int {
        get { withState { $0.maximumByteCount } }
        set {
            precondition(newValue >= 0, "TensorBufferCache.maximumByteCount must be ≥ 0, got \(newValue)")
            withState { state in
                state.maximumByteCount = newValue
                state.evict(downTo: newValue)
            }
        }
    }

    /// Bytes currently held by the cache (freed buffers waiting for reuse).
    public static var cachedByteCount: Int { withState { $0.cachedByteCount } }

    /// Releases every cached buffer to the system.
    public static func purge() {
        withState { $0.evict(downTo: 0) }
    }

    /// The number of bytes actually allocated for a buffer of `byteCount` bytes.
    ///
    /// Below `minimumByteCount` this is `byteCount`; above, `byteCount` rounded up to a multiple of
    /// a quarter of the largest power of two not above it (e.g. 1 MiB + 1 byte → 1.25 MiB).
    public static func sizeClass(forByteCount byteCount: Int) -> Int {
        guard byteCount >= minimumByteCount else { return byteCount }
        let step = (1 << (Int.bitWidth - 1 - byteCount.leadingZeroBitCount)) / 4
        return (byteCount + step - 1) / step * step
    }

    /// A 64-byte aligned buffer of at least `byteCount` bytes (uninitialised), reused when one is cached.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        let allocated = sizeClass(forByteCount: byteCount)
        if allocated >= minimumByteCount, let reused = withState({ $0.takeOrMakeRoom(byteCount: allocated) }) {
            return reused
        }
        return UnsafeMutableRawPointer.allocate(byteCount: allocated, alignment: alignment)
    }

    /// Gives back a buffer from `allocate(byteCount:)` (with the same `byteCount`): cached or freed.
    static func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
        let allocated = sizeClass(forByteCount: byteCount)
        if allocated < minimumByteCount || !withState({ $0.insert(pointer, byteCount: allocated) }) {
            pointer.deallocate()
        }
    }

    /// Alignment of every tensor buffer, in bytes (a cache line, enough for any SIMD load).
    static let alignment = 64

    private static let lock = NSLock()
    nonisolated(unsafe) private static var state = CachedBuffers(maximumByteCount: defaultMaximumByteCount())

    private static func withState<Result>(_ body: (inout CachedBuffers) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&state)
    }

    private static func defaultMaximumByteCount() -> Int {
        if let megabytes = ProcessInfo.processInfo.environment["GENREKIT_BUFFER_CACHE_MB"].flatMap({ Int($0) }),
           megabytes >= 0 {
            return megabytes << 20
        }
        return Swift.min(1 << 30, Int(ProcessInfo.processInfo.physicalMemory / 4))
    }
}

/// The buffers held by `TensorBufferCache`, by size class, in the order they were freed.
private struct CachedBuffers {
    var maximumByteCount: Int
    private(set) var cachedByteCount = 0
    /// Buffers of each size class, least recently freed first, with the time they were freed.
    private var buffers: [Int: [(pointer: UnsafeMutableRawPointer, freedAt: Int)]] = [:]
    /// Counts insertions; the time stamp of the next freed buffer.
    private var clock = 0

    init(maximumByteCount: Int) {
        self.maximumByteCount = maximumByteCount
    }

    /// The most recently freed buffer of `byteCount` bytes (its pages are the likeliest resident);
    /// when there is none, frees at least `byteCount` cached bytes (least recently freed first) for
    /// the fresh allocation to replace, and returns nil.
    mutating func takeOrMakeRoom(byteCount: Int) -> UnsafeMutableRawPointer? {
        guard let pointer = buffers[byteCount]?.popLast()?.pointer else {
            evict(downTo: cachedByteCount - byteCount)
            return nil
        }
        cachedByteCount -= byteCount
        return pointer
    }

    /// Caches `pointer` (a buffer of `byteCount` bytes), evicting older buffers to stay within
    /// `maximumByteCount`; false (and nothing cached) when the buffer alone exceeds it.
    mutating func insert(_ pointer: UnsafeMutableRawPointer, byteCount: Int) -> Bool {
        guard byteCount <= maximumByteCount else { return false }
        evict(downTo: maximumByteCount - byteCount)
        clock += 1
        buffers[byteCount, default: []].append((pointer, clock))
        cachedByteCount += byteCount
        return true
    }

    /// Frees the least recently freed buffers until at most `limit` bytes stay cached.
    mutating func evict(downTo limit: Int) {
        while cachedByteCount > limit {
            var oldest: (byteCount: Int, freedAt: Int)?
            for (byteCount, list) in buffers {
                if let first = list.first, first.freedAt < oldest?.freedAt ?? .max { oldest = (byteCount, first.freedAt) }
            }
            guard let byteCount = oldest?.byteCount, let pointer = buffers[byteCount]?.removeFirst().pointer else { return }
            pointer.deallocate()
            cachedByteCount -= byteCount
        }
    }
}
