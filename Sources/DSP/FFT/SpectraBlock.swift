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
        forEachValue(columns: columns) { index, re, im in
            real[index] = re
            imaginary[index] = im
        }
    }

    /// Copies the spectra, `2 * stride` floats per frame, to frames `first ..< first + count` of the
    /// frame-major `destination`.
    func copy(to destination: UnsafeMutablePointer<Float>) {
        (destination + 2 * first * stride).update(from: spectra, count: 2 * count * stride)
    }

    /// Writes `re² + im²` of each value to `power` and its square root to `magnitude`, both
    /// bin-major `bins × columns` matrices, at columns `first ..< first + count`.
    func scatter(power: UnsafeMutablePointer<Float>, magnitude: UnsafeMutablePointer<Float>, columns: Int) {
        forEachValue(columns: columns) { index, re, im in
            let squared = re * re + im * im
            power[index] = squared
            magnitude[index] = squared.squareRoot()
        }
    }

    /// Writes `transform(re, im)` of each value to columns `first ..< first + count` of the
    /// bin-major `bins × columns` matrix at `output`.
    @inline(__always)
    func scatter(into output: UnsafeMutablePointer<Float>, columns: Int, _ transform: (Float, Float) -> Float) {
        forEachValue(columns: columns) { index, re, im in output[index] = transform(re, im) }
    }

    /// Calls `body(index, re, im)` for every value, bin after bin, where `index` is the value's
    /// offset in a bin-major `bins × columns` matrix (column `first + j` for the block's frame `j`).
    /// The spectra are walked by pointer, without checked index arithmetic in the inner loop.
    @inline(__always)
    private func forEachValue(columns: Int, _ body: (_ index: Int, _ re: Float, _ im: Float) -> Void) {
        let step = 2 * stride
        for k in 0..<bins {
            var source = spectra + 2 * k
            let row = k * columns + first
            for j in 0..<count {
                body(row &+ j, source[0], source[1])
                source += step
            }
        }
    }
}
