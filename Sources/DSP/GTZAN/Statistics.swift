/// Mean and population variance (NumPy's `np.mean`, `np.var` with `ddof=0`) accumulated in `Double`.
struct Statistics {
    var mean: Double
    var variance: Double

    init<C: Collection>(_ values: C) where C.Element == Float {
        var sum = 0.0
        for value in values { sum += Double(value) }
        let mean = values.isEmpty ? .nan : sum / Double(values.count)
        var squares = 0.0
        for value in values {
            let deviation = Double(value) - mean
            squares += deviation * deviation
        }
        self.mean = mean
        variance = squares / Double(values.count)
    }

    /// `[mean, variance]`, the order of the GTZAN table's `_mean`, `_var` columns.
    var pair: [Double] { [mean, variance] }
}
