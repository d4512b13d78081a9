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

    /// Copies the spectra, `2 * stride` floats per frame, to frames `first ..< first + count` of the
    /// frame-major `destination`.
    func copy(to destination: UnsafeMutablePointer<Float>) {
        (destination + 2 * first * stride).update(from: spectra, count: 2 * count * stride)
    }

    /// Writes `re² + im²` of each value to `power` and its square root to `magnitude`, both
    /// bin-major `bins × columns` matrices, at columns `first ..< first + count`.
    func scatter(power: UnsafeMutablePointer<Float>, magnitude: UnsafeMutablePointer<Float>, columns: Int) {
        for k in 0..<bins {
            let powerRow = power + k * columns + first, magnitudeRow = magnitude + k * columns + first
            for j in 0..<count {
                let offset = 2 * (j * stride + k)
                let squared = spectra[offset] * spectra[offset] + spectra[offset + 1] * spectra[offset + 1]
                powerRow[j] = squared
                magnitudeRow[j] = squared.squareRoot()
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
