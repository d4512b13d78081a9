/// A complex matrix in split form, as `stft` returns it: `1 + nFFT/2` rows of frequency bins by one
/// column per frame, row-major, the real plane followed by the imaginary plane in one buffer (one
/// allocation, as NumPy's complex arrays: repeated transforms of long signals reuse the same heap memory
/// instead of faulting in fresh pages).
public struct ComplexMatrix: Equatable, Sendable {
    /// Number of rows (frequency bins).
    public var rows: Int
    /// Number of columns (frames).
    public var columns: Int
    /// The real plane then the imaginary plane, `rows * columns` values each, row-major.
    public var values: [Float]

    /// Wraps `values`: the real plane then the imaginary plane, `rows * columns` values each.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == 2 * rows * columns,
                     "ComplexMatrix \(rows)×\(columns) needs \(2 * rows * columns) values (two planes)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// Joins the two planes; each must hold `rows * columns` values.
    public init(rows: Int, columns: Int, real: [Float], imaginary: [Float]) {
        precondition(real.count == rows * columns && imaginary.count == rows * columns,
                     "ComplexMatrix \(rows)×\(columns) needs \(rows * columns) values per plane")
        self.init(rows: rows, columns: columns, values: real + imaginary)
    }

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: 2 * rows * columns))
    }

    /// Values per plane.
    public var count: Int { rows * columns }
    /// Real parts, row-major.
    public var real: ArraySlice<Float> { values[..<count] }
    /// Imaginary parts, row-major.
    public var imaginary: ArraySlice<Float> { values[count...] }

    /// `|S|`: the magnitude spectrogram.
    public func magnitude() -> Matrix { spectrogram(power: 1) }

    /// `|S|²`: the power spectrogram.
    public func power() -> Matrix { spectrogram(power: 2) }

    /// `|S| ** power`, librosa's `np.abs(S) ** power`.
    public func spectrogram(power: Float) -> Matrix {
        var out = [Float](repeating: 0, count: count)
        out.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { planes in
                let re = planes.baseAddress!, im = re + count
                for i in 0..<out.count {
                    out[i] = SpectralPower.apply(re[i] * re[i] + im[i] * im[i], power: power)
                }
            }
        }
        return Matrix(rows: rows, columns: columns, values: out)
    }
}
