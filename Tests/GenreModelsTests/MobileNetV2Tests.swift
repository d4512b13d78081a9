import GenreModels
import NN
import Tensor
import TestSupport
import XCTest

/// MobileNetV2 and its inverted residual blocks: fused inference equals layer-by-layer, PyTorch's numbers in
/// evaluation, numeric gradients.
final class MobileNetV2Tests: XCTestCase {
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

    /// Absolute tolerance 3·10⁻³: the float32 rounding of these BatchNorm-normalised blocks alone puts
    /// ~2.5·10⁻³ of noise on the numeric gradients at the default step (measured with the im2col and
    /// the direct depthwise kernel alike), and larger steps cross ReLU6's kinks.
    func testInvertedResidualWithAndWithoutExpansion() {
        let check = GradientCheck(absoluteTolerance: 3e-3)
        assertBlockGradientsCorrect(seed: 10, inputShape: [2, 4, 4, 4], check: check) {
            let block = InvertedResidual(4, 4, stride: 1, expandRatio: 2)
            XCTAssertTrue(block.usesResidual)
            return block
        }
        assertBlockGradientsCorrect(seed: 2, inputShape: [2, 3, 5, 5], check: check) {
            InvertedResidual(3, 5, stride: 2, expandRatio: 1)
        }
    }

    private func assertBlockGradientsCorrect(seed: UInt64, inputShape: [Int], check: GradientCheck,
                                             file: StaticString = #filePath, line: UInt = #line, _ make: () -> Module) {
        var generator = RandomGenerator(seed: seed)
        let block = ParameterInitialization.using(.pytorch, seed: seed, make)
        let report = check.check(module: block, input: Tensor.uniform(inputShape, low: -1, high: 1, using: &generator))
        XCTAssertTrue(report.passed, report.description, file: file, line: line)
    }
}
