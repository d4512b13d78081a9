/// Sums of many terms in `Double`, in four interleaved accumulators so that long sums are not bound
/// by the latency of one dependent addition chain.
enum DoubleSum {
    /// `term(0) + … + term(count − 1)`.
    @inline(__always)
    static func of(_ count: Int, _ term: (Int) -> Double) -> Double {
        var partial = SIMD4<Double>()
        var index = 0
        while index + 4 <= count {
            partial += SIMD4(term(index), term(index + 1), term(index + 2), term(index + 3))
            index += 4
        }
        var total = partial.sum()
        while index < count {
            total += term(index)
            index += 1
        }
        return total
    }
}
