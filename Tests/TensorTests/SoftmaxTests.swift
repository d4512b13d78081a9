import Tensor
import XCTest

final class SoftmaxTests: XCTestCase {
    /// The fixture holds a logit of 1000, which overflows a naive exp.
    func testMatchesPyTorchAlongEveryAxisWithLargeLogits() throws {
        try OpsFixture("softmax_axis1").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].softmax(axis: 1) }
        try OpsFixture("softmax_last").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].softmax() }
        try OpsFixture("log_softmax_last").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].logSoftmax() }
        try OpsFixture("log_softmax_axis1").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].logSoftmax(axis: 1) }
    }

    func testGradientCheck() {
        var rng = RandomGenerator(seed: 8)
        let x = Tensor.normal([2, 3, 4], using: &rng) * 2
        for axis in [0, 1, -1] {
            assertPasses(GradientCheck().check([x]) { $0[0].softmax(axis: axis) }, "softmax \(axis)")
            assertPasses(GradientCheck().check([x]) { $0[0].logSoftmax(axis: axis) }, "logSoftmax \(axis)")
        }
    }

    func testRowsSumToOne() {
        var rng = RandomGenerator(seed: 1)
        let sums = (Tensor.normal([5, 9], using: &rng) * 50).softmax(axis: 1).sum(axes: [1]).scalars
        for sum in sums { XCTAssertEqual(sum, 1, accuracy: 1e-6) }
    }
}
