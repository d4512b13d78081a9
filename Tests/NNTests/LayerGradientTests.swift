import NN
import Tensor
import XCTest

/// Every layer's input and parameter gradients against central differences (Tensor's `GradientCheck`).
final class LayerGradientTests: XCTestCase {
    private var generator = RandomGenerator(seed: 11)

    /// Checks the gradient with respect to the input and to every trainable parameter of `layer`.
    /// Inputs default to uniform values in [−1, 1]; `distinct` spaces them at least 0.01 apart (for max pooling,
    /// whose gradient jumps where two values tie).
    /// `prepare` runs before every evaluation (e.g. to reseed dropout so each evaluation uses the same mask).
    func assertGradientsCorrect(_ layer: Module, inputShape: [Int], distinct: Bool = false, check: GradientCheck = GradientCheck(),
                                prepare: () -> Void = {}, file: StaticString = #filePath, line: UInt = #line) {
        let count = inputShape.reduce(1, *)
        let input = distinct
            ? try! Tensor((0..<count).map { Float($0) / 100 }.shuffled(using: &generator), shape: inputShape)
            : Tensor.uniform(inputShape, low: -1, high: 1, using: &generator)
        let report = check.check(module: layer, input: input, prepare: prepare)
        XCTAssertTrue(report.passed, report.description, file: file, line: line)
    }

    func testLinear() {
        assertGradientsCorrect(Linear(5, 3), inputShape: [4, 5])
        let report = GradientCheck().check(module: Linear(5, 3), input: Tensor.ones([2, 5]))
        XCTAssertEqual(report.inputs.map(\.name), ["input", "weight", "bias"], "entries name the input and each parameter")
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

extension LayerGradientTests {
    func testPoolingLayers() {
        assertGradientsCorrect(MaxPool2D(kernelSize: 3, stride: 2, padding: .same), inputShape: [2, 2, 5, 6], distinct: true)
        assertGradientsCorrect(AvgPool2D(kernelSize: 2), inputShape: [1, 3, 4, 4])
        assertGradientsCorrect(GlobalAveragePool(), inputShape: [2, 3, 3, 2])
    }

    func testBatchNormInTrainingAndEvaluation() {
        let norm = BatchNorm2D(3)
        norm.weight?.assign([0.5, 1.5, -1])
        assertGradientsCorrect(norm, inputShape: [2, 3, 2, 2])
        let keras = BatchNorm1D(4, convention: .keras)
        XCTAssertEqual(keras.momentum, 0.01, accuracy: 1e-9)
        XCTAssertEqual(keras.epsilon, 1e-3)
        keras.eval()
        assertGradientsCorrect(keras, inputShape: [5, 4])
    }

    func testBatchNormUpdatesRunningStatisticsLikePyTorch() throws {
        let norm = BatchNorm1D(2)
        _ = norm(try Tensor([1, 10, 3, 20, 5, 30], shape: [3, 2]))
        // Batch means 3 and 20, unbiased variances 4 and 100; momentum 0.1.
        assertCloseFloats(norm.runningMean.value.scalars, [0.3, 2])
        assertCloseFloats(norm.runningVariance.value.scalars, [0.9 + 0.4, 0.9 + 10])
        XCTAssertEqual(norm.batchesTracked.value.item(), 1)
        XCTAssertEqual(norm.namedBuffers().map(\.name), ["running_mean", "running_var", "num_batches_tracked"])
        XCTAssertEqual(norm.parameterCount, 8, "γ, β, running mean and variance, as Keras counts")
    }

    private func assertCloseFloats(_ a: [Float], _ b: [Float], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-5, file: file, line: line) }
    }
}

extension LayerGradientTests {
    func testActivationsAndSoftmax() {
        for layer in [ReLU(), ReLU6(), Sigmoid(), Softmax()] as [Module] {
            assertGradientsCorrect(layer, inputShape: [3, 4])
        }
        let input = try! Tensor([-1, 0.5, 7, 3], shape: [2, 2])
        XCTAssertEqual(ReLU6()(input).scalars, [0, 0.5, 6, 3])
        XCTAssertEqual(Softmax()(input).sum(axes: [1]).scalars.map { ($0 * 1e5).rounded() }, [1e5, 1e5])
    }

    func testDropoutWithAFixedMaskAndInEvaluation() {
        let dropout = Dropout(0.5)
        assertGradientsCorrect(dropout, inputShape: [4, 6], prepare: { dropout.seedRandomness(3) })
        let input = Tensor.ones([200])
        dropout.seedRandomness(3)
        let kept = dropout(input).scalars
        XCTAssertTrue(kept.allSatisfy { $0 == 0 || $0 == 2 }, "inverted dropout scales kept values by 1/(1 − p)")
        XCTAssertEqual(Double(kept.filter { $0 == 0 }.count), 100, accuracy: 30)
        dropout.eval()
        XCTAssertEqual(dropout(input).scalars, input.scalars)
    }

    /// Blocks with ReLU after training-mode BatchNorm: a parameter step of ε moves every normalised value, and
    /// for some random draws a central difference straddles a ReLU kink (the same blocks with Sigmoid pass
    /// for every draw). They are checked at fixed seeds (weights and input) and, exactly, against PyTorch in
    /// `ReferenceCNNTests`.
    private func assertBlockGradientsCorrect(seed: UInt64, inputShape: [Int], check: GradientCheck = GradientCheck(),
                                             file: StaticString = #filePath, line: UInt = #line, _ make: () -> Module) {
        generator = RandomGenerator(seed: seed)
        assertGradientsCorrect(ParameterInitialization.using(.pytorch, seed: seed, make), inputShape: inputShape,
                               check: check, file: file, line: line)
    }

    func testSqueezeExcitationAndResidualBlocks() {
        assertGradientsCorrect(SqueezeExcitation(channels: 4, reduction: 2), inputShape: [2, 4, 3, 3])
        assertBlockGradientsCorrect(seed: 2, inputShape: [2, 3, 4, 4]) { ResidualBlock(3, 3) }
        assertBlockGradientsCorrect(seed: 1, inputShape: [2, 2, 4, 4]) {
            let projection = ResidualBlock(2, 4, stride: 2)
            XCTAssertNotNil(projection.shortcut)
            return projection
        }
    }
}
