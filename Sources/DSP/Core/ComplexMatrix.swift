/// A complex matrix in split form (separate real and imaginary planes), as `stft` returns it:
/// `1 + nFFT/2` rows of frequency bins by one column per frame, row-major.
public struct ComplexMatrix: Equatable, Sendable {
    /// Number of rows (frequency bins).
    public var rows: Int
    /// Number of columns (frames).
    public var columns: Int
    /// Real parts, row-major.
    public var real: [Float]
    /// Imaginary parts, row-major.
    public var imaginary: [Float]

    /// Wraps the two planes; each must hold `rows * columns` values.
    public init(rows: Int, columns: Int, real: [Float], imaginary: [Float]) {
        precondition(real.count == rows * columns && imaginary.count == rows * columns,
                     "ComplexMatrix \(rows)×\(columns) needs \(rows * columns) values per plane")
        self.rows = rows
        self.columns = columns
        self.real = real
        self.imaginary = imaginary
    }

    /// A zero matrix.
    public init(rows: Int, columns: Int) {
        let zeros = [Float](repeating: 0, count: rows * columns)
        self.init(rows: rows, columns: columns, real: zeros, imaginary: zeros)
    }

    /// `|S|`: the magnitude spectrogram.
    public func magnitude() -> Matrix { spectrogram(power: 1) }

    /// `|S|²`: the power spectrogram.
    public func power() -> Matrix { spectrogram(power: 2) }

    /// `|S| ** power`, librosa's `np.abs(S) ** power`.
    public func spectrogram(power: Float) -> Matrix {
        var out = [Float](repeating: 0, count: real.count)
        out.withUnsafeMutableBufferPointer { out in
            real.withUnsafeBufferPointer { re in
                imaginary.withUnsafeBufferPointer { im in
                    for i in 0..<out.count {
                        out[i] = SpectralPower.apply(re[i] * re[i] + im[i] * im[i], power: power)
                    }
                }
            }
        }
        return Matrix(rows: rows, columns: columns, values: out)
    }
}
