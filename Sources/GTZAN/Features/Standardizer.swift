/// Per-feature standardisation `(x − mean) / std`, as scikit-learn's `StandardScaler`
/// (population standard deviation; constant features get scale 1).
///
/// Fit it on the training split only, then transform every split: fitting on all rows leaks test
/// statistics into training.
public struct Standardizer: Hashable, Sendable, Codable {
    public let mean: [Float]
    public let scale: [Float]

    /// Fits the statistics of `rows` (all of equal length).
    /// - Throws: `GTZANError.invalidParameter` for no rows or rows of different lengths.
    public init(fitting rows: [[Float]]) throws {
        guard let width = rows.first?.count, width > 0 else {
            throw GTZANError.invalidParameter("rows", reason: "cannot fit a standardizer on no data")
        }
        guard rows.allSatisfy({ $0.count == width }) else {
            throw GTZANError.invalidParameter("rows", reason: "rows have different lengths")
        }
        var sum = [Double](repeating: 0, count: width)
        var squares = [Double](repeating: 0, count: width)
        for row in rows {
            for j in 0..<width { sum[j] += Double(row[j]) }
        }
        let means = sum.map { $0 / Double(rows.count) }
        for row in rows {
            for j in 0..<width {
                let centred = Double(row[j]) - means[j]
                squares[j] += centred * centred
            }
        }
        mean = means.map(Float.init)
        scale = squares.map { variance in
            let std = (variance / Double(rows.count)).squareRoot()
            return std > 0 ? Float(std) : 1
        }
    }

    /// Fits on the feature values of `rows` (pass the training split).
    public init(fitting rows: [FeatureRow]) throws {
        try self.init(fitting: rows.map(\.values))
    }

    /// `(row − mean) / scale`.
    /// - Throws: `GTZANError.invalidParameter` when the row length differs from the fitted one.
    public func transform(_ row: [Float]) throws -> [Float] {
        guard row.count == mean.count else {
            throw GTZANError.invalidParameter("row", reason: "\(row.count) features, the standardizer was fitted on \(mean.count)")
        }
        return (0..<row.count).map { (row[$0] - mean[$0]) / scale[$0] }
    }

    /// The rows with standardised values.
    public func transform(_ rows: [FeatureRow]) throws -> [FeatureRow] {
        try rows.map { row in
            var copy = row
            copy.values = try transform(row.values)
            return copy
        }
    }
}
