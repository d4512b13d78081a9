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

    /// In-place `clamp` (ReLU6 in fused inference) equals `clamped` and `relu6`, keeps NaN as PyTorch,
    /// works one-sided and leaves copies that shared the storage unchanged.
    func testInPlaceClampMatchesClampedAndKeepsCopies() {
        var rng = RandomGenerator(seed: 3)
        let x = Tensor.concatenate([Tensor.normal([37], std: 5, using: &rng), Tensor([.nan, 6, 0, -7])], axis: 0)
        let original = x.scalars
        func assertSame(_ actual: Tensor, _ expected: Tensor, _ message: String) {
            for (a, e) in zip(actual.scalars, expected.scalars) {
                XCTAssertTrue(a == e || (a.isNaN && e.isNaN), "\(message): \(a) vs \(e)")
            }
        }
        var y = x
        y.clamp(min: 0, max: 6)
        assertSame(y, x.clamped(min: 0, max: 6), "clamp 0…6")
        assertSame(y, x.relu6(), "relu6")
        var z = x
        z.clamp(max: 1)
        assertSame(z, x.clamped(max: 1), "clamp …1")
        XCTAssertTrue(zip(x.scalars, original).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "the copy changed")
    }
}
