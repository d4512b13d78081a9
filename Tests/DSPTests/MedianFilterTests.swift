import DSP
import TestSupport
import XCTest

final class MedianFilterTests: XCTestCase {
    func testMatchesSciPyReflectMedianFilterAlongBothAxes() throws {
        for (input, prefix) in [("matrix", "matrix"), ("matrix", "small")] {
            var matrix = try FeatureFixture.matrix(input)
            if prefix == "small" { matrix = submatrix(matrix, rows: 7, columns: 9) }
            for (axis, name) in [(MedianFilter.Axis.time, "time"), (.frequency, "frequency")] {
                let filtered = try MedianFilter(size: 31, axis: axis)(matrix)
                let expected = try FeatureFixture.array("\(prefix)_median_\(name)")
                XCTAssertEqual(filtered.values, expected.values, "\(prefix) along \(name)")
            }
        }
    }

    func testSizeOneIsIdentityAndEvenSizeThrows() throws {
        let matrix = try FeatureFixture.matrix("matrix")
        XCTAssertEqual(try MedianFilter(size: 1, axis: .time)(matrix), matrix)
        XCTAssertThrowsError(try MedianFilter(size: 4, axis: .frequency)(matrix)) { error in
            XCTAssertTrue("\(error)".contains("kernel_size=4"), "\(error)")
        }
    }

    private func submatrix(_ matrix: Matrix, rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns,
               values: (0..<rows).flatMap { matrix.row($0).prefix(columns) })
    }
}
