import NN
import Tensor
import TestSupport
import XCTest

/// Without recorded gradients, every Sequential (so InvertedResidual and MobileNetV2 too) folds
/// evaluation-mode batch normalisation into the convolution before it and clamps a following ReLU or
/// ReLU6 in place (`Sequential.fusedInference`): the same numbers as the layers run one by one, and the
/// same summary.
final class FusedInferenceTests: XCTestCase {
    /// `module` in evaluation mode with random running statistics (means N(0, spread²), variances
    /// 1 + spread²·N(0, 1)²), BatchNorm weights and biases (`1 + spread · N(0, 1)`, `spread · N(0, 1)`)
    /// and, with `convolutions`, standard normal convolution weights.
    @discardableResult
    private func randomized<M: Module>(_ module: M, seed: UInt64, spread: Float, convolutions: Bool) -> M {
        var rng = RandomGenerator(seed: seed)
        for (name, parameter) in module.namedParameters() {
            let values = Tensor.normal(parameter.shape, using: &rng).scalars
            if parameter.value.rank == 1 {
                parameter.assign(values.map { (name.hasSuffix("weight") ? 1 : 0) + spread * $0 })
            } else if convolutions {
                parameter.assign(values)
            }
        }
        for (name, buffer) in module.namedBuffers() where name.hasSuffix("running_mean") || name.hasSuffix("running_var") {
            let values = Tensor.normal(buffer.shape, using: &rng).scalars
            buffer.assign(values.map { name.hasSuffix("running_var") ? 1 + spread * spread * $0 * $0 : spread * $0 })
        }
        module.eval()
        return module
    }

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

    func testInvertedResidualMatchesLayerByLayer() {
        let cases = [(InvertedResidual(8, 8, stride: 1, expandRatio: 6), [2, 8, 9, 12]),
                     (InvertedResidual(4, 6, stride: 2, expandRatio: 1), [2, 4, 11, 10])]
        for (index, (block, shape)) in cases.enumerated() {
            randomized(block, seed: UInt64(index), spread: 1, convolutions: true)
            var rng = RandomGenerator(seed: 9)
            let x = Tensor.normal(shape, using: &rng)
            let expected = block(x).scalars
            let fused = Tensor.withoutGrad { block(x) }.scalars
            assertClose(fused, expected, rtol: 1e-4, relativeToMax: true, "case \(index)")
        }
    }

    /// Two blocks against PyTorch in evaluation mode (scripts/fixtures/nn.py, `mobilenet_blocks`: non-trivial
    /// BatchNorm statistics), fused and layer by layer.
    func testInvertedResidualsMatchPyTorchInEvaluation() throws {
        let blocks = Sequential(InvertedResidual(8, 8, stride: 1, expandRatio: 6),
                                InvertedResidual(8, 12, stride: 2, expandRatio: 1))
        try blocks.load(from: Fixtures.url("NN/mobilenet_blocks/weights.safetensors"))
        blocks.eval()
        let input = try NPYArray.fixture("NN/mobilenet_blocks/input.npy")
        let expected = try NPYArray.fixture("NN/mobilenet_blocks/output.npy")
        let x = try Tensor(input.values, shape: input.shape)
        let fused = Tensor.withoutGrad { blocks(x) }
        XCTAssertEqual(fused.shape, expected.shape)
        assertClose(fused.scalars, expected.values, rtol: 1e-4, relativeToMax: true, "fused")
        assertClose(blocks(x).scalars, expected.values, rtol: 1e-4, relativeToMax: true, "layer by layer")
    }

    func testMobileNetV2MatchesLayerByLayerAndKeepsSummaryShapes() {
        // Initialised weights: random ones make the 52-layer network chaotic (ReLU6 flips on rounding).
        let model = randomized(MobileNetV2(), seed: 3, spread: 0.2, convolutions: false)
        var rng = RandomGenerator(seed: 4)
        let x = Tensor.normal([2, 3, 32, 32], using: &rng)
        let expected = model(x).scalars
        let fused = Tensor.withoutGrad { model(x) }
        XCTAssertEqual(fused.shape, [2, MobileNetV2.outputChannels, 1, 1])
        assertClose(fused.scalars, expected, rtol: 1e-4, relativeToMax: true)
        let summary = model.summary(inputShape: [3, 32, 32])
        XCTAssertEqual(summary.rows.filter { $0.outputShape == nil }.map(\.name), [])
        XCTAssertEqual(summary.rows.first { $0.name == "features.1.conv.0.2" }?.outputShape, [32, 16, 16])
    }
}
