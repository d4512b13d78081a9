/// Principal component analysis as scikit-learn's `PCA`: centre the data, eigen-decompose its covariance
/// (divisor n − 1) with `SymmetricEigen`, keep the leading components.
///
/// `explainedVariance` are the covariance eigenvalues, `explainedVarianceRatio` their share of the total
/// variance. Each component's sign makes its largest-magnitude entry positive (scikit-learn's `svd_flip`
/// on the components), so results are comparable across runs and libraries.
public struct PrincipalComponents {
    /// Per-feature means of the fitted data.
    public let mean: [Double]
    /// `components[k]`: the k-th unit direction, over the features.
    public let components: [[Double]]
    public let explainedVariance: [Double]
    public let explainedVarianceRatio: [Double]

    /// Fits `count` components to `rows` (samples × features).
    /// - Throws: `AnalysisError.invalidData` for fewer than two rows, ragged rows, non-finite values or
    ///   more components than features.
    public init(fitting rows: [[Float]], count: Int = 2) throws {
        guard rows.count >= 2, let width = rows.first?.count, width > 0 else {
            throw AnalysisError.invalidData("PCA data", "needs at least two rows of at least one feature, got \(rows.count) row(s)")
        }
        guard rows.allSatisfy({ $0.count == width }) else { throw AnalysisError.invalidData("PCA data", "rows have different lengths") }
        guard (1...width).contains(count) else {
            throw AnalysisError.invalidData("PCA components", "\(count) is not in 1...\(width) (the feature count)")
        }
        let covariance = try Self.covariance(rows, width: width)
        mean = covariance.mean
        let eigen = try SymmetricEigen(covariance.matrix)
        let total = eigen.values.reduce(0) { $0 + max($1, 0) }
        explainedVariance = eigen.values.prefix(count).map { max($0, 0) }
        explainedVarianceRatio = explainedVariance.map { total > 0 ? $0 / total : 0 }
        components = eigen.vectors.prefix(count).map { vector in
            let largest = vector.max { abs($0) < abs($1) } ?? 1
            return largest < 0 ? vector.map { -$0 } : vector
        }
    }

    /// The covariance matrix (divisor n − 1) and the means of `rows`.
    static func covariance(_ rows: [[Float]], width: Int) throws -> (matrix: [[Double]], mean: [Double]) {
        var mean = [Double](repeating: 0, count: width)
        for row in rows {
            for j in 0..<width { mean[j] += Double(row[j]) }
        }
        mean = mean.map { $0 / Double(rows.count) }
        guard mean.allSatisfy(\.isFinite) else { throw AnalysisError.invalidData("PCA data", "has non-finite values") }
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        var centred = [Double](repeating: 0, count: width)
        for row in rows {
            for j in 0..<width { centred[j] = Double(row[j]) - mean[j] }
            for i in 0..<width {
                for j in i..<width { matrix[i][j] += centred[i] * centred[j] }
            }
        }
        for i in 0..<width {
            for j in i..<width {
                matrix[i][j] /= Double(rows.count - 1)
                matrix[j][i] = matrix[i][j]
            }
        }
        return (matrix, mean)
    }

    /// The coordinates of `rows` on the components.
    public func transform(_ rows: [[Float]]) -> [[Double]] {
        rows.map { row in
            components.map { component in
                zip(component, zip(row, mean)).reduce(0) { $0 + $1.0 * (Double($1.1.0) - $1.1.1) }
            }
        }
    }
}
