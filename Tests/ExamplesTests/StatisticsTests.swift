import Experiments
import Plotting
import TestSupport
import XCTest

/// PCA, correlation and box-plot statistics against NumPy (`scripts/fixtures/experiments.py`).
final class StatisticsTests: XCTestCase {
    private func rows() throws -> [[Float]] {
        let input = try NPYArray.fixture("Experiments/pca_input.npy")
        return stride(from: 0, to: input.count, by: input.shape[1]).map { Array(input.values[$0..<$0 + input.shape[1]]) }
    }

    func testPrincipalComponentsMatchNumPyEigenDecomposition() throws {
        let pca = try PrincipalComponents(fitting: try rows(), count: 3)
        assertClose(pca.explainedVarianceRatio.map(Float.init),
                    try NPYArray.fixture("Experiments/pca_explained_variance_ratio.npy").values, rtol: 1e-5, atol: 1e-6)
        assertClose(pca.components.joined().map(Float.init), try NPYArray.fixture("Experiments/pca_components.npy").values,
                    rtol: 1e-4, atol: 1e-5)
        assertClose(pca.transform(try rows()).joined().map(Float.init),
                    try NPYArray.fixture("Experiments/pca_projection.npy").values, rtol: 1e-4, atol: 1e-4)
    }

    func testSymmetricEigenReconstructsTheMatrix() throws {
        let matrix: [[Double]] = [[4, 1, -2], [1, 2, 0.5], [-2, 0.5, 3]]
        let eigen = try SymmetricEigen(matrix)
        for i in 0..<3 {
            for j in 0..<3 {
                let rebuilt = (0..<3).reduce(0.0) { $0 + eigen.values[$1] * eigen.vectors[$1][i] * eigen.vectors[$1][j] }
                XCTAssertEqual(rebuilt, matrix[i][j], accuracy: 1e-12)
            }
        }
        XCTAssertEqual(eigen.values, eigen.values.sorted(by: >))
        XCTAssertThrowsError(try SymmetricEigen([[1, 2], [0, 1]])) { XCTAssertTrue("\($0)".contains("not symmetric")) }
    }

    func testCorrelationMatchesNumPy() throws {
        assertClose(try Correlation.matrix(try rows()).joined().map(Float.init),
                    try NPYArray.fixture("Experiments/correlation.npy").values, rtol: 1e-5, atol: 1e-6)
    }

    func testBoxPlotQuartilesInterpolateAsNumPy() throws {
        let column = try rows().map { Double($0[0]) }
        let summary = try XCTUnwrap(BoxPlot.Summary(column))
        assertClose([summary.firstQuartile, summary.median, summary.thirdQuartile].map(Float.init),
                    try NPYArray.fixture("Experiments/quartiles.npy").values, rtol: 1e-5, atol: 1e-5)
        let outlying = try XCTUnwrap(BoxPlot.Summary([1, 2, 3, 4, 100]))
        XCTAssertEqual(outlying.outliers, [100])
        XCTAssertEqual(outlying.upperWhisker, 4)
    }

    func testBadDataThrowsNamingTheProblem() {
        XCTAssertThrowsError(try PrincipalComponents(fitting: [[1, 2]], count: 1)) { XCTAssertTrue("\($0)".contains("two rows")) }
        XCTAssertThrowsError(try PrincipalComponents(fitting: [[1, 2], [3, 4]], count: 3)) { XCTAssertTrue("\($0)".contains("1...2")) }
        XCTAssertThrowsError(try Correlation.matrix([[1, 2], [3]])) { XCTAssertTrue("\($0)".contains("different lengths")) }
    }
}
