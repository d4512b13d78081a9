import NN
import Tensor
import TestSupport
import XCTest

/// Without recorded gradients, every Sequential (so GenreModels' InvertedResidual and MobileNetV2 too) folds
/// evaluation-mode batch normalisation into the convolution before it and clamps a following ReLU or
/// ReLU6 in place (`Sequential.fusedInference`): the same numbers as the layers run one by one, and the
/// same summary.
final class FusedInferenceTests: XCTestCase {
    /// Conv + ReLU, Conv + BatchNorm + ReLU6, Conv + BatchNorm (no activation), a BatchNorm in training mode
    /// (not folded) and a last bare Conv: each fusion and each fallback.
    func testSequentialFusesEveryConvolutionPattern() {
        let training = BatchNorm2D(6)
        let chain = Sequential(Conv2D(3, 4, kernelSize: 3, padding: .same), ReLU(), MaxPool2D(kernelSize: 2),
                               Conv2D(4, 5, kernelSize: 3, bias: false), BatchNorm2D(5), ReLU6(),
                               Conv2D(5, 6, kernelSize: 1), BatchNorm2D(6), Conv2D(6, 6, kernelSize: 1), training,
                               ReLU(), Conv2D(6, 2, kernelSize: 1))
        randomized(chain, seed: 5, spread: 1, convolutions: true)
        training.train()
        var rng = RandomGenerator(seed: 6)
        let x = Tensor.normal([2, 3, 12, 10], using: &rng)
        var expected: [Float] = [], fused = x
        let unfusedTrace = OutputShapeTrace.recording { expected = chain(x).scalars }
        let shapes = chain.layers.map { unfusedTrace.shape(of: $0) }
        XCTAssertFalse(shapes.contains { $0 == nil }, "every layer ran inside the trace")
        let trace = OutputShapeTrace.recording { fused = Tensor.withoutGrad { chain(x) } }
        assertClose(fused.scalars, expected, rtol: 1e-5, relativeToMax: true)
        XCTAssertEqual(chain.layers.map { trace.shape(of: $0) }, shapes)
        XCTAssertEqual(x.shape, [2, 3, 12, 10], "the input is left alone")
    }

    /// Linear + ReLU and Linear + ReLU6 clamp in place; a Linear before Dropout and a last bare Linear
    /// do not; evaluation-mode Dropout passes its input through.
    func testSequentialClampsAfterLinear() {
        let chain = Sequential(Linear(7, 9), ReLU(), Dropout(0.5), Linear(9, 5), ReLU6(), Linear(5, 4), Dropout(0.2),
                               Linear(4, 3))
        randomized(chain, seed: 8, spread: 3, convolutions: true)
        var rng = RandomGenerator(seed: 3)
        let x = Tensor.normal([6, 7], using: &rng) * 3
        var expected: [Float] = [], fused = x
        let unfusedTrace = OutputShapeTrace.recording { expected = chain(x).scalars }
        let shapes = chain.layers.map { unfusedTrace.shape(of: $0) }
        XCTAssertFalse(shapes.contains { $0 == nil }, "every layer ran inside the trace")
        let trace = OutputShapeTrace.recording { fused = Tensor.withoutGrad { chain(x) } }
        XCTAssertEqual(fused.scalars, expected)
        XCTAssertEqual(chain.layers.map { trace.shape(of: $0) }, shapes)
        XCTAssertTrue(expected.contains(where: { $0 < 0 }), "the last layer is not clamped")
    }
}
