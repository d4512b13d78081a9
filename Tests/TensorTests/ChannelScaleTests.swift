import Tensor
import XCTest

final class ChannelScaleTests: XCTestCase {
    func testMatchesPyTorch() throws {
        try OpsFixture("channel_scale").assertMatches(inputs: ["x", "s"], rtol: 1e-5) { $0[0].scaledChannels(by: $0[1]) }
    }

    func testEqualsBroadcastMultiplyAndPassesGradientCheck() {
        var rng = RandomGenerator(seed: 14)
        // Planes of 40 elements: long enough for the vectorised reduction and its tail.
        let x = Tensor.normal([2, 3, 5, 8], using: &rng), s = Tensor.normal([2, 3], using: &rng)
        assertTensor(x.scaledChannels(by: s), matches: x * s.reshaped(to: [2, 3, 1, 1]), rtol: 1e-6)
        assertPasses(GradientCheck().check([x, s]) { $0[0].scaledChannels(by: $0[1]) })
    }

    /// The residual add of ResNet-style blocks is the broadcasting `+` of the core.
    func testResidualAddMatchesPyTorch() throws {
        try OpsFixture("residual_add").assertMatches(inputs: ["x", "r"], rtol: 1e-6) { $0[0] + $0[1] }
        var rng = RandomGenerator(seed: 15)
        let x = Tensor.normal([2, 2, 3, 3], using: &rng), w = Tensor.normal([2, 2, 3, 3], using: &rng)
        assertPasses(GradientCheck().check([x, w]) { $0[0] + $0[0].conv2d($0[1], padding: .same).relu() })
    }
}
