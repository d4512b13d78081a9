/// Mean and population variance (NumPy's `np.mean`, `np.var` with `ddof=0`) accumulated in `Double`.
struct Statistics {
    var mean: Double
    var variance: Double

    init<C: RandomAccessCollection>(_ values: C) where C.Element == Float {
        self.init(count: values.count) { values[values.index(values.startIndex, offsetBy: $0)] }
    }

    /// The statistics of `value(0) … value(count − 1)`. Sums run in four interleaved `Double`
    /// accumulators, so long signals are not bound by the latency of one dependent addition chain.
    @inline(__always)
    init(count: Int, _ value: (Int) -> Float) {
        let mean = count == 0 ? .nan : Self.sum(count) { Double(value($0)) } / Double(count)
        self.mean = mean
        variance = Self.sum(count) { index in
            let deviation = Double(value(index)) - mean
            return deviation * deviation
        } / Double(count)
    }

    /// `term(0) + … + term(count − 1)`.
    @inline(__always)
    private static func sum(_ count: Int, _ term: (Int) -> Double) -> Double {
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

    /// `[mean, variance]`, the order of the GTZAN table's `_mean`, `_var` columns.
    var pair: [Double] { [mean, variance] }
}
