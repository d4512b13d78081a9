import Tensor
import XCTest

final class ActivationTests: XCTestCase {
    let activations: [(String, (Tensor) -> Tensor)] = [
        ("relu", { $0.relu() }), ("relu6", { $0.relu6() }), ("leaky_relu", { $0.leakyRelu() }),
        ("sigmoid", { $0.sigmoid() }), ("tanh", { $0.tanh() }),
    ]

    /// The fixture input includes the kinks 0 and 6 and saturating values ±30.
    func testMatchesPyTorchIncludingKinks() throws {
        for (name, activation) in activations {
            try OpsFixture(name).assertMatches(inputs: ["x"], rtol: 1e-5) { activation($0[0]) }
        }
    }

    func testGradientCheckAwayFromKinks() {
        var rng = RandomGenerator(seed: 2)
        // Values in ±[0.1, 5.5) plus a few beyond 6, so no central difference straddles a kink.
        let signs = (Tensor.uniform([20], using: &rng) .> 0.5) * 2 - 1
        let x = Tensor.concatenate([Tensor.uniform([20], low: 0.1, high: 5.5, using: &rng) * signs,
                                    Tensor([6.5, -6.5, 8, 12])], axis: 0)
        for (name, activation) in activations {
            assertPasses(GradientCheck().check([x]) { activation($0[0]) }, name)
        }
        assertPasses(GradientCheck().check([x]) { $0[0].leakyRelu(negativeSlope: 0.3) }, "leaky 0.3")
    }
}
