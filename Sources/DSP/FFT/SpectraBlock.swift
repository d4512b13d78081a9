/// Spectra of consecutive frames, frame-major: bin `k` of the `j`-th frame of the block is the
/// interleaved complex value at `2 * (j * stride + k)`; the block holds frames `first ..< first + count`.
struct SpectraBlock {
    let spectra: UnsafePointer<Float>
    let bins: Int
    let stride: Int
    let first: Int
    let count: Int

    /// Writes the real and imaginary parts to columns `first ..< first + count` of the bin-major
    /// `bins × columns` planes at `real` and `imaginary`.
    func scatter(real: UnsafeMutablePointer<Float>, imaginary: UnsafeMutablePointer<Float>, columns: Int) {
        for k in 0..<bins {
            let re = real + k * columns + first, im = imaginary + k * columns + first
            for j in 0..<count {
                let offset = 2 * (j * stride + k)
                re[j] = spectra[offset]
                im[j] = spectra[offset + 1]
            }
        }
    }

    /// Writes `transform(re, im)` of each value to columns `first ..< first + count` of the
    /// bin-major `bins × columns` matrix at `output`.
    @inline(__always)
    func scatter(into output: UnsafeMutablePointer<Float>, columns: Int, _ transform: (Float, Float) -> Float) {
        for k in 0..<bins {
            let row = output + k * columns + first
            for j in 0..<count {
                let offset = 2 * (j * stride + k)
                row[j] = transform(spectra[offset], spectra[offset + 1])
            }
        }
    }
}
