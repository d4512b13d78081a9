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

    /// `Σ row[i]`.
    @inline(__always)
    static func sum(_ row: UnsafePointer<Float>, count: Int) -> Float {
        sum(row, row, count: count, { a, _ in a }, { a, _ in a })
    }
}
