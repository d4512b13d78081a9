import NN
import Tensor
import XCTest

/// Every layer's input and parameter gradients against central differences (Tensor's `GradientCheck`).
final class LayerGradientTests: XCTestCase {
    private var generator = RandomGenerator(seed: 11)

    /// Checks the gradient with respect to the input and to every trainable parameter of `layer`.
    func assertGradientsCorrect(_ layer: Module, inputShape: [Int], file: StaticString = #filePath, line: UInt = #line) {
        let input = Tensor.uniform(inputShape, low: -1, high: 1, using: &generator)
        let inputReport = GradientCheck().check([input]) { layer($0[0]) }
        XCTAssertTrue(inputReport.passed, "input: \(inputReport)", file: file, line: line)
        let parameters = layer.trainableParameters.map(\.value)
        guard !parameters.isEmpty else { return }
        let parameterReport = GradientCheck().check(parameters: parameters) { layer(input) }
        XCTAssertTrue(parameterReport.passed, "parameters: \(parameterReport)", file: file, line: line)
    }

    func testLinear() {
        assertGradientsCorrect(Linear(5, 3), inputShape: [4, 5])
        assertGradientsCorrect(Linear(5, 3, bias: false), inputShape: [2, 5])
    }

    func testFlattenRescalingSequential() {
        assertGradientsCorrect(Flatten(), inputShape: [2, 3, 2, 2])
        assertGradientsCorrect(Rescaling(scale: 0.5, offset: 1), inputShape: [3, 4])
        assertGradientsCorrect(Sequential(Flatten(), Linear(12, 4), Linear(4, 2)), inputShape: [2, 3, 2, 2])
    }
}

extension LayerGradientTests {
    func testConv2DIncludingStridedGroupedAndDepthwise() {
        assertGradientsCorrect(Conv2D(2, 3, kernelSize: 3, padding: .same), inputShape: [2, 2, 5, 4])
        assertGradientsCorrect(Conv2D(4, 6, kernelSize: [2, 3], stride: 2, padding: .explicit(1), groups: 2),
                               inputShape: [1, 4, 5, 6])
        assertGradientsCorrect(Conv2D.depthwise(3, kernelSize: 3, stride: 2, padding: .explicit(1), bias: false),
                               inputShape: [2, 3, 5, 5])
    }

    func testConv1D() {
        assertGradientsCorrect(Conv1D(3, 4, kernelSize: 3, stride: 2, padding: .same), inputShape: [2, 3, 9])
    }
}
