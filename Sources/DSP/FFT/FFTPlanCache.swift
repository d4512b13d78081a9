import CFFTW
import Foundation

/// FFTW plans for batches of real transforms, made once per (direction, size, batch) and reused.
///
/// FFTW's planner is not thread-safe, so planning happens under a lock; the plans are then run
/// from any thread with the new-array API (`fftwf_execute_dft_r2c` / `_c2r`) on buffers from
/// ``FFTBlock``, which share the alignment of the arrays the plans were made with.
///
/// Plans use `FFTW_ESTIMATE`: as fast as measured plans for these batched power-of-two sizes, instant
/// to make, and the same algorithm on every run, so results are bit-for-bit reproducible.
// @unchecked: `plans` changes only under `lock`; a made plan is only executed, which FFTW allows on any thread.
final class FFTPlanCache: @unchecked Sendable {
    /// The transform direction.
    enum Direction: Hashable {
        /// Real to half-complex (`r2c`).
        case forward
        /// Half-complex to real (`c2r`), unnormalised.
        case inverse
    }

    private struct Key: Hashable {
        var direction: Direction
        var size: Int
        var batch: Int
    }

    /// The process-wide cache.
    static let shared = FFTPlanCache()

    private let lock = NSLock()
    private var plans: [Key: OpaquePointer] = [:]

    /// The plan for `batch` contiguous transforms of `size` points.
    func plan(_ direction: Direction, size: Int, batch: Int) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        let key = Key(direction: direction, size: size, batch: batch)
        if let plan = plans[key] { return plan }
        let scratch = FFTBlock(size: size, batch: batch)  // ESTIMATE planning leaves it untouched
        var n = Int32(size)
        let stride = Int32(scratch.spectrumStride)
        let flags = UInt32(FFTW_ESTIMATE)
        let made: OpaquePointer?
        switch direction {
        case .forward:
            made = fftwf_plan_many_dft_r2c(1, &n, Int32(batch), scratch.real, nil, 1, n,
                                           scratch.complex, nil, 1, stride, flags)
        case .inverse:
            made = fftwf_plan_many_dft_c2r(1, &n, Int32(batch), scratch.complex, nil, 1, stride,
                                           scratch.real, nil, 1, n, flags)
        }
        guard let plan = made else { fatalError("FFTW could not plan a \(direction) transform of \(size) points") }
        plans[key] = plan
        return plan
    }
}
