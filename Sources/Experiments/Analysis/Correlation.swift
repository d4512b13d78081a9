/// Pearson correlation between features (the GTZAN notebooks' feature correlation heatmap, pandas `DataFrame.corr()`).
public enum Correlation {
    /// The `features × features` correlation matrix of `rows` (samples × features); a constant feature has
    /// correlation 0 with the others and 1 with itself.
    /// - Throws: `AnalysisError.invalidData` for fewer than two rows, ragged rows or non-finite values.
    public static func matrix(_ rows: [[Float]]) throws -> [[Double]] {
        guard rows.count >= 2, let width = rows.first?.count, width > 0 else {
            throw AnalysisError.invalidData("correlation data", "needs at least two rows, got \(rows.count)")
        }
        guard rows.allSatisfy({ $0.count == width }) else {
            throw AnalysisError.invalidData("correlation data", "rows have different lengths")
        }
        let covariance = try PrincipalComponents.covariance(rows, width: width).matrix
        let deviation = (0..<width).map { covariance[$0][$0].squareRoot() }
        return (0..<width).map { i in
            (0..<width).map { j in
                i == j ? 1 : (deviation[i] > 0 && deviation[j] > 0 ? covariance[i][j] / (deviation[i] * deviation[j]) : 0)
            }
        }
    }
}
