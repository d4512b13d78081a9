import NN
import Tensor
import XCTest

final class MaxPool1DTests: XCTestCase {
    func testTakesTheMaximumOfEachWindowAndDropsAPartialOne() throws {
        let input = try Tensor([1, 5, 2, 0, 3, 9, 4, -1, 7, -2, -3, -4, -5, -6], shape: [1, 2, 7])
        let output = MaxPool1D(kernelSize: 3)(input)
        XCTAssertEqual(output.shape, [1, 2, 2])
        XCTAssertEqual(output.scalars, [5, 9, 7, -3])
    }

    func testNumericGradients() throws {
        var generator = RandomGenerator(seed: 3)
        // Distinct values 0.01 apart: max pooling's gradient jumps where two values tie.
        let input = try Tensor((0..<36).map { Float($0) / 100 }.shuffled(using: &generator), shape: [2, 2, 9])
        let report = GradientCheck().check(module: MaxPool1D(kernelSize: 2), input: input)
        XCTAssertTrue(report.passed, report.description)
    }
}
