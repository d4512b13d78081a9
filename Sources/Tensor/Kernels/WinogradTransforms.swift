/// Six values of a Winograd F(4×4, 3×3) transform: one row or column of a 6×6 transformed tile.
typealias Sextet<V> = (V, V, V, V, V, V)
/// Four values: one row or column of a 4×4 output tile.
typealias Quartet<V> = (V, V, V, V)
/// Three values: one row or column of a 3×3 kernel.
typealias Triplet<V> = (V, V, V)

/// The one-dimensional transforms of Winograd's F(4, 3) (Lavin and Gray, 2015), applied lane-wise so
/// one call transforms several tiles (or kernel rows) at once:
///
///     Bᵀ = [4  0 −5  0 1 0;  0 −4 −4  1 1 0;  0 4 −4 −1 1 0;  0 −2 −1 2 1 0;  0 2 −1 −2 1 0;  0 4 0 −5 0 1]
///     G  = [1/4 0 0;  −1/6 −1/6 −1/6;  −1/6 1/6 −1/6;  1/24 1/12 1/6;  1/24 −1/12 1/6;  0 0 1]
///     Aᵀ = [1 1 1 1 1 0;  0 1 −1 2 −2 0;  0 1 1 4 4 0;  0 1 −1 8 −8 1]
///
/// A 2-D transform `T x Tᵀ` is the 1-D one down the columns, then along the rows.
enum WinogradTransforms {
    /// `Bᵀ d`: the input patch transform.
    @inline(__always)
    static func input<V: SIMD>(_ d: Sextet<V>) -> Sextet<V> where V.Scalar == Float {
        let (a, b) = (d.4 - 4 * d.2, d.3 - 4 * d.1)
        let (c, e) = (d.4 - d.2, 2 * (d.3 - d.1))
        return (4 * d.0 - 5 * d.2 + d.4, a + b, a - b, c + e, c - e, 4 * d.1 - 5 * d.3 + d.5)
    }

    /// `Aᵀ m`: the output transform of the products.
    @inline(__always)
    static func output<V: SIMD>(_ m: Sextet<V>) -> Quartet<V> where V.Scalar == Float {
        let (sum, difference) = (m.1 + m.2, m.1 - m.2)
        let (sum2, difference2) = (m.3 + m.4, m.3 - m.4)
        return (m.0 + sum + sum2, difference + 2 * difference2, sum + 4 * sum2, difference + 8 * difference2 + m.5)
    }

    /// `A y`: the adjoint of `output`, for the output gradient.
    @inline(__always)
    static func outputGradient<V: SIMD>(_ y: Quartet<V>) -> Sextet<V> where V.Scalar == Float {
        let (even, odd) = (y.0 + y.2, y.1 + y.3)
        let (even4, odd2) = (y.0 + 4 * y.2, 2 * y.1 + 8 * y.3)
        return (y.0, even + odd, even - odd, even4 + odd2, even4 - odd2, y.3)
    }

    /// `G g`: the kernel transform.
    @inline(__always)
    static func kernel<V: SIMD>(_ g: Triplet<V>) -> Sextet<V> where V.Scalar == Float {
        let outer = g.0 + g.2
        let (p, q) = (g.0 * (1 / 24) + g.2 * (1 / 6), g.1 * (1 / 12))
        return (g.0 * 0.25, (outer + g.1) * (-1 / 6), (outer - g.1) * (-1 / 6), p + q, p - q, g.2)
    }

    /// `Gᵀ u`: the adjoint of `kernel`, for the weight gradient.
    @inline(__always)
    static func kernelGradient<V: SIMD>(_ u: Sextet<V>) -> Triplet<V> where V.Scalar == Float {
        let (sum, difference) = (u.1 + u.2, u.2 - u.1)
        let (sum2, difference2) = (u.3 + u.4, u.3 - u.4)
        return (u.0 * 0.25 - sum * (1 / 6) + sum2 * (1 / 24),
                difference * (1 / 6) + difference2 * (1 / 12),
                (sum2 - sum) * (1 / 6) + u.5)
    }
}
