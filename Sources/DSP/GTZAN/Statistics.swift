/// Mean and population variance (NumPy's `np.mean`, `np.var` with `ddof=0`) accumulated in `Double`.
struct Statistics {
    var mean: Double
    var variance: Double

    init<C: RandomAccessCollection>(_ values: C) where C.Element == Float {
        self.init(count: values.count) { values[values.index(values.startIndex, offsetBy: $0)] }
    }

    /// The statistics of `value(0) … value(count − 1)`.
    @inline(__always)
    init(count: Int, _ value: (Int) -> Float) {
        let mean = count == 0 ? .nan : DoubleSum.of(count) { Double(value($0)) } / Double(count)
        self.mean = mean
        variance = DoubleSum.of(count) { index in
            let deviation = Double(value(index)) - mean
            return deviation * deviation
        } / Double(count)
    }

    /// `[mean, variance]`, the order of the GTZAN table's `_mean`, `_var` columns.
    var pair: [Double] { [mean, variance] }
}
