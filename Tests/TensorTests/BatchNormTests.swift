import Tensor
import XCTest

final class BatchNormTests: XCTestCase {
    func testMatchesPyTorchIncludingRunningStatistics() throws {
        for (name, training) in [("batchnorm_train", true), ("batchnorm_train2d", true), ("batchnorm_eval", false)] {
            let fixture = OpsFixture(name)
            var runningMean = try fixture.tensor("running_mean"), runningVariance = try fixture.tensor("running_var")
            try fixture.assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
                $0[0].batchNorm(runningMean: &runningMean, runningVariance: &runningVariance, weight: $0[1],
                                bias: $0[2], training: training)
            }
            assertTensor(runningMean, matches: try fixture.tensor("new_running_mean"), rtol: 1e-5, "\(name) mean")
            assertTensor(runningVariance, matches: try fixture.tensor("new_running_var"), rtol: 1e-5, "\(name) var")
        }
    }

    func testGradientCheckInTrainingAndEvaluation() {
        var rng = RandomGenerator(seed: 4)
        let x = Tensor.normal([3, 2, 3, 4], using: &rng) * 2 + 1
        let w = Tensor.normal([2], using: &rng), b = Tensor.normal([2], using: &rng)
        for training in [true, false] {
            var runningMean = Tensor.zeros([2]), runningVariance = Tensor.ones([2]) * 1.5
            assertPasses(GradientCheck().check([x, w, b]) {
                $0[0].batchNorm(runningMean: &runningMean, runningVariance: &runningVariance, weight: $0[1],
                                bias: $0[2], training: training)
            }, "training \(training)")
        }
    }

    func testTrainingNormalisesEachChannelWithoutAffine() {
        var rng = RandomGenerator(seed: 9)
        let x = Tensor.normal([8, 3, 5, 5], using: &rng) * 3 - 2
        var runningMean = Tensor.zeros([3]), runningVariance = Tensor.ones([3])
        let y = x.batchNorm(runningMean: &runningMean, runningVariance: &runningVariance, training: true)
        let mean = y.mean(axes: [0, 2, 3]).scalars, variance = y.variance(axes: [0, 2, 3], correction: 0).scalars
        for channel in 0..<3 {
            XCTAssertEqual(mean[channel], 0, accuracy: 1e-5)
            XCTAssertEqual(variance[channel], 1, accuracy: 1e-3)
        }
    }
}
