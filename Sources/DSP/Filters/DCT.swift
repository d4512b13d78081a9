import Foundation

/// Discrete cosine transform operators (scipy's `fftpack.dct`).
public enum DCT {
    /// The first `count` rows of the orthonormal DCT-II of length `n` (`dct(x, type=2, norm="ortho")`):
    /// `count × n`, applied to a signal along its rows by ``Matrix/multiplied(by:)``.
    public static func orthonormalTypeII(count: Int, length n: Int) -> Matrix {
        var values = [Float](repeating: 0, count: count * n)
        for k in 0..<count {
            let scale = (k == 0 ? 1 : 2.0).squareRoot() / Double(n).squareRoot()
            for i in 0..<n {
                values[k * n + i] = Float(scale * cos(Double.pi * Double(k) * Double(2 * i + 1) / Double(2 * n)))
            }
        }
        return Matrix(rows: count, columns: n, values: values)
    }
}
