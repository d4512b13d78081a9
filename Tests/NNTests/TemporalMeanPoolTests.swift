import NN
import Tensor
import XCTest

final class TemporalMeanPoolTests: XCTestCase {
    func testAveragesTheLastAxis() throws {
        let output = TemporalMeanPool()(try Tensor([1, 2, 3, 4, 10, 20, 30, 40], shape: [1, 2, 4]))
        XCTAssertEqual(output.shape, [1, 2])
        XCTAssertEqual(output.scalars, [2.5, 25])
    }

    func testNumericGradients() {
        var generator = RandomGenerator(seed: 4)
        let report = GradientCheck().check(module: TemporalMeanPool(), input: Tensor.uniform([3, 2, 5], low: -1, high: 1, using: &generator))
        XCTAssertTrue(report.passed, report.description)
    }
}
