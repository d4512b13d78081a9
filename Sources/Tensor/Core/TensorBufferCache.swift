import Foundation
import Synchronization

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
/// - Best fit: a request with no cached buffer of its size class takes the smallest cached buffer up
///   to `maximumOversize` times larger (its pages are already resident: no page faults, and live plus
///   cached memory stays the same).
/// - Peak memory: the cache tracks the bytes of live cached-size tensors. A request no cached buffer
///   fits releases just enough cached buffers (least recently freed first) that live plus cached
///   memory stays within the peak of live tensor memory plus a quarter (`peakSlackDivisor`), so the
///   cache raises the process's peak by at most that. Training repeats the same allocations every
///   step, so with a bound above the step's peak every buffer after the first step is reused and no
///   page is faulted in again. The slack matters: best fit lets a buffer serve a smaller class, and
///   with none the cache released one or two buffers a step that the same step needed again
///   (resnet-mfcc: 10 misses and 6 MB of page faults per step; se-cnn step 2.99 → 1.99 s with it).
/// - Contents: a reused buffer keeps its old values. Tensors that need zeros fill them (as
///   `Tensor.zeros` does); kernels that write every element skip the fill.
/// - Thread safety: all members may be used from any thread, including `Parallel.parallelFor` workers.
public enum TensorBufferCache {
    /// Smallest buffer, in bytes, that goes through the cache (256 KiB); smaller ones use `malloc` directly.
    public static let minimumByteCount = 256 << 10

    /// Most bytes the cache holds; 0 disables it. Lowering it releases buffers at once.
    ///
    /// Starts at `GENREKIT_BUFFER_CACHE_MB` MiB when that variable is set, else at a quarter of
    /// physical memory. Cached buffers stay with the process until reused or `purge()`d.
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

    /// Releases every cached buffer to the system; the peak of live memory the cache stays within
    /// starts over from the memory live now.
    public static func purge() {
        withState { $0.purge() }
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

    /// Cached plus live bytes may exceed the peak of live bytes by `1 / peakSlackDivisor` of it.
    static let peakSlackDivisor = 4
    /// How much larger than its size class a reused buffer may be.
    static let maximumOversize = 2

    /// A 64-byte aligned buffer of at least `byteCount` bytes (uninitialised), reused when one is cached,
    /// and the bytes it really holds (pass them back to `deallocate`).
    static func allocate(byteCount: Int) -> (pointer: UnsafeMutableRawPointer, capacity: Int) {
        let allocated = sizeClass(forByteCount: byteCount)
        if allocated >= minimumByteCount, let reused = withState({ $0.takeOrMakeRoom(byteCount: allocated) }) {
            return (UnsafeMutableRawPointer(bitPattern: reused.address)!, reused.capacity)
        }
        return (UnsafeMutableRawPointer.allocate(byteCount: allocated, alignment: alignment), allocated)
    }

    /// Gives back a buffer from `allocate(byteCount:)`, with the capacity it returned: cached or freed.
    static func deallocate(_ pointer: UnsafeMutableRawPointer, capacity: Int) {
        let address = UInt(bitPattern: pointer)
        if capacity < minimumByteCount || !withState({ $0.release(address, byteCount: capacity) }) {
            pointer.deallocate()
        }
    }

    /// Alignment of every tensor buffer, in bytes (a cache line, enough for any SIMD load).
    static let alignment = 64

    /// The cache's state, locked once per allocation or release of a cached-size buffer.
    private static let state = Mutex(CachedBuffers(maximumByteCount: defaultMaximumByteCount()))

    private static func withState<Result: Sendable>(_ body: (inout CachedBuffers) -> Result) -> Result {
        state.withLock { body(&$0) }
    }

    private static func defaultMaximumByteCount() -> Int {
        if let megabytes = ProcessInfo.processInfo.environment["GENREKIT_BUFFER_CACHE_MB"].flatMap({ Int($0) }),
           megabytes >= 0 {
            return megabytes << 20
        }
        return Int(ProcessInfo.processInfo.physicalMemory / 4)
    }
}

/// The buffers held by `TensorBufferCache`, by size class, in the order they were freed.
///
/// Buffers are kept as addresses (`UInt(bitPattern:)`), so the state is `Sendable` and can live in a `Mutex`:
/// a cached buffer belongs to no tensor, and the one taking it out owns it.
private struct CachedBuffers: Sendable {
    var maximumByteCount: Int
    private(set) var cachedByteCount = 0
    /// Bytes of buffers handed out and not yet given back, and the most there ever were.
    private var liveByteCount = 0
    private var peakLiveByteCount = 0
    /// Buffers of each size class, least recently freed first, with the time they were freed.
    private var buffers: [Int: [(address: UInt, freedAt: Int)]] = [:]
    /// Counts insertions; the time stamp of the next freed buffer.
    private var clock = 0

    init(maximumByteCount: Int) {
        self.maximumByteCount = maximumByteCount
    }

    /// The most recently freed buffer of the smallest cached size class from `byteCount` to
    /// `maximumOversize` times that (its pages are the likeliest resident), with its size. When there
    /// is none, returns nil for a fresh allocation of `byteCount` bytes, first freeing as many cached
    /// bytes (least recently freed first) as keep live plus cached bytes within the peak of live bytes.
    mutating func takeOrMakeRoom(byteCount: Int) -> (address: UInt, capacity: Int)? {
        guard let fit = smallestCachedClass(from: byteCount), let address = buffers[fit]?.popLast()?.address else {
            markLive(byteCount)
            evict(downTo: peakLiveByteCount + peakLiveByteCount / TensorBufferCache.peakSlackDivisor - liveByteCount)
            return nil
        }
        cachedByteCount -= fit
        markLive(fit)
        return (address, fit)
    }

    /// The smallest size class from `byteCount` to `maximumOversize` times that with a cached buffer.
    private func smallestCachedClass(from byteCount: Int) -> Int? {
        if buffers[byteCount]?.isEmpty == false { return byteCount }
        var best: Int?
        for (size, list) in buffers where size > byteCount && size <= byteCount * TensorBufferCache.maximumOversize
            && !list.isEmpty && size < best ?? .max {
            best = size
        }
        return best
    }

    private mutating func markLive(_ byteCount: Int) {
        liveByteCount += byteCount
        peakLiveByteCount = max(peakLiveByteCount, liveByteCount)
    }

    /// Takes back a live buffer of `byteCount` bytes and caches it, evicting older buffers to stay
    /// within `maximumByteCount`; false (and nothing cached) when the buffer alone exceeds it.
    mutating func release(_ address: UInt, byteCount: Int) -> Bool {
        liveByteCount -= byteCount
        guard byteCount <= maximumByteCount else { return false }
        evict(downTo: maximumByteCount - byteCount)
        clock += 1
        buffers[byteCount, default: []].append((address, clock))
        cachedByteCount += byteCount
        return true
    }

    /// Frees every cached buffer and restarts the peak from the live bytes.
    mutating func purge() {
        evict(downTo: 0)
        peakLiveByteCount = liveByteCount
    }

    /// Frees the least recently freed buffers until at most `limit` bytes stay cached.
    mutating func evict(downTo limit: Int) {
        while cachedByteCount > limit {
            var oldest: (byteCount: Int, freedAt: Int)?
            for (byteCount, list) in buffers {
                if let first = list.first, first.freedAt < oldest?.freedAt ?? .max { oldest = (byteCount, first.freedAt) }
            }
            guard let byteCount = oldest?.byteCount, let address = buffers[byteCount]?.removeFirst().address else { return }
            UnsafeMutableRawPointer(bitPattern: address)!.deallocate()
            cachedByteCount -= byteCount
        }
    }
}
