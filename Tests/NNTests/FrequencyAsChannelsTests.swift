import NN
import Tensor
import XCTest

final class FrequencyAsChannelsTests: XCTestCase {
    func testFrequencyRowsBecomeChannelsInOrder() throws {
        let input = try Tensor((0..<12).map(Float.init), shape: [2, 1, 3, 2])
        let output = FrequencyAsChannels()(input)
        XCTAssertEqual(output.shape, [2, 3, 2])
        XCTAssertEqual(output.scalars, input.scalars)
    }

    func testNumericGradientsThroughAConv1D() {
        var generator = RandomGenerator(seed: 5)
        let model = ParameterInitialization.using(.pytorch, seed: 5) { Sequential(FrequencyAsChannels(), Conv1D(3, 2, kernelSize: 2)) }
        let report = GradientCheck().check(module: model, input: Tensor.uniform([2, 1, 3, 4], low: -1, high: 1, using: &generator))
        XCTAssertTrue(report.passed, report.description)
        XCTAssertEqual(report.inputs.map(\.name), ["input", "1.weight", "1.bias"])
    }
}
