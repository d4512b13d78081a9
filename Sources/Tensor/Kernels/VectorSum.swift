/// Vectorised sums over contiguous rows: `Σ term(a[i], b[i])` with 8-lane accumulators, the
/// reductions of the NN kernels (bias gradients, batch statistics, dot products).
enum VectorSum {
    /// `Σ term(a[i], b[i])` for `i < count`; `vectorTerm` is the same term on 8 lanes.
    @inline(__always)
    static func sum(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int,
                    _ vectorTerm: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>,
                    _ term: (Float, Float) -> Float) -> Float {
        var first = SIMD8<Float>(), second = SIMD8<Float>()
        let (rawA, rawB) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        var index = 0
        while index + 16 <= count {
            let offset = index * 4
            first += vectorTerm(rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self),
                                rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self))
            second += vectorTerm(rawA.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self),
                                 rawB.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self))
            index += 16
        }
        var total = (first + second).sum()
        while index < count {
            total += term(a[index], b[index])
            index += 1
        }
        return total
    }

    /// `(Σ first(a[i], b[i]), Σ second(a[i], b[i]))` in one pass; `vectorFirst` and `vectorSecond` are
    /// the same terms on 8 lanes.
    @inline(__always)
    static func sums(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int,
                     _ vectorFirst: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>,
                     _ vectorSecond: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>,
                     _ first: (Float, Float) -> Float, _ second: (Float, Float) -> Float) -> (Float, Float) {
        var totals = (SIMD8<Float>(), SIMD8<Float>())
        let (rawA, rawB) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
        var index = 0
        while index + 8 <= count {
            let x = rawA.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            let y = rawB.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            totals.0 += vectorFirst(x, y)
            totals.1 += vectorSecond(x, y)
            index += 8
        }
        var result = (totals.0.sum(), totals.1.sum())
        while index < count {
            result.0 += first(a[index], b[index])
            result.1 += second(a[index], b[index])
            index += 1
        }
        return result
    }

    /// `Σ row[i]`.
    @inline(__always)
    static func sum(_ row: UnsafePointer<Float>, count: Int) -> Float {
        sum(row, row, count: count, { a, _ in a }, { a, _ in a })
    }
}
