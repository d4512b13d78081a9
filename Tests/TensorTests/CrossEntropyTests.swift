import Tensor
import XCTest

final class CrossEntropyTests: XCTestCase {
    func testFromLogitsMatchesPyTorch() throws {
        for (name, smoothing) in [("cross_entropy", Float(0)), ("cross_entropy_smooth", 0.1)] {
            let fixture = OpsFixture(name)
            let targets = try fixture.indices("t")
            try fixture.assertMatches(inputs: ["x"], rtol: 1e-5) {
                $0[0].crossEntropy(targets: targets, labelSmoothing: smoothing)
            }
        }
    }

    func testNLLMatchesPyTorch() throws {
        let fixture = OpsFixture("nll")
        let targets = try fixture.indices("t")
        try fixture.assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].nllLoss(targets: targets) }
    }

    /// One row of the fixture is exactly one-hot, so both clipping bounds are hit, and one target is soft.
    func testFromProbabilitiesMatchesKerasFormulaInPyTorch() throws {
        let fixture = OpsFixture("categorical_cross_entropy")
        let targets = try fixture.tensor("t")
        try fixture.assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].categoricalCrossEntropy(targets: targets) }
    }

    func testSoftmaxCrossEntropyGradientCheck() {
        var rng = RandomGenerator(seed: 6)
        let logits = Tensor.normal([4, 5], using: &rng) * 3
        assertPasses(GradientCheck().check([logits]) { $0[0].crossEntropy(targets: [1, 0, 4, 4], labelSmoothing: 0.2) })
        let probabilities = (Tensor.normal([4, 5], using: &rng)).softmax()
        let targets = Tensor.oneHot([2, 2, 0, 3], classCount: 5)
        assertPasses(GradientCheck().check([probabilities]) { $0[0].categoricalCrossEntropy(targets: targets) })
    }

    func testCrossEntropyEqualsNLLOfLogSoftmax() {
        var rng = RandomGenerator(seed: 12)
        let logits = Tensor.normal([3, 4], using: &rng)
        XCTAssertEqual(logits.crossEntropy(targets: [3, 1, 0]).item(),
                       logits.logSoftmax(axis: 1).nllLoss(targets: [3, 1, 0]).item(), accuracy: 1e-6)
    }
}
