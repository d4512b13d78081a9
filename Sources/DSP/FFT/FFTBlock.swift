import CFFTW

/// FFTW-aligned buffers for one batch of real transforms: `batch` frames of `size` reals and
/// `batch` spectra of `size / 2 + 1` complex values (interleaved re, im).
///
/// One thread at a time uses a block (lent by ``FFTBlock/withBlock(size:batch:_:)``); the cached plans
/// run on it through FFTW's new-array API.
final class FFTBlock {
    let size: Int
    let batch: Int
    let bins: Int
    /// Complex values from one spectrum to the next: `bins` rounded up to whole 64-byte lines so
    /// every spectrum shares the first one's alignment.
    let spectrumStride: Int
    /// `batch * size` reals, frame after frame.
    let real: UnsafeMutablePointer<Float>
    /// `batch * spectrumStride` complex values, spectrum after spectrum.
    let complex: UnsafeMutablePointer<fftwf_complex>

    init(size: Int, batch: Int) {
        self.size = size
        self.batch = batch
        bins = size / 2 + 1
        spectrumStride = Self.spectrumStride(size: size)
        real = fftwf_alloc_real(batch * size)!
        complex = fftwf_alloc_complex(batch * spectrumStride)!
    }

    /// ``spectrumStride`` of blocks of `size`-point transforms.
    static func spectrumStride(size: Int) -> Int { (size / 2 + 1 + 7) / 8 * 8 }

    deinit {
        fftwf_free(real)
        fftwf_free(complex)
    }

    /// The complex buffer as interleaved floats: bin `k` of frame `j` is at `2 * (j * spectrumStride + k)`.
    var interleaved: UnsafeMutablePointer<Float> {
        UnsafeMutableRawPointer(complex).assumingMemoryBound(to: Float.self)
    }

    private lazy var forwardPlan = FFTPlanCache.shared.plan(.forward, size: size, batch: batch)
    private lazy var inversePlan = FFTPlanCache.shared.plan(.inverse, size: size, batch: batch)

    /// Transforms `real` into `complex` (r2c).
    func forward() {
        fftwf_execute_dft_r2c(forwardPlan, real, complex)
    }

    /// Transforms `complex` into `real` (c2r, unnormalised); overwrites `complex`.
    func inverse() {
        fftwf_execute_dft_c2r(inversePlan, complex, real)
    }
}

extension FFTBlock {
    /// The size and batch of a block.
    struct Shape: Hashable {
        var size: Int
        var batch: Int
    }

    /// Idle blocks of every shape, process-wide.
    private static let pool = ReusePool<Shape, FFTBlock> { FFTBlock(size: $0.size, batch: $0.batch) }

    /// Runs `body` with a reused block of `batch` transforms of `size` points that no other thread
    /// uses meanwhile.
    static func withBlock<Result>(size: Int, batch: Int, _ body: (FFTBlock) throws -> Result) rethrows -> Result {
        try pool.withObject(for: Shape(size: size, batch: batch), body)
    }
}
