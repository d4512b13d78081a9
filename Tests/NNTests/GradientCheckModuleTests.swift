import NN
import Tensor
import XCTest

/// `GradientCheck.check(module:input:)`: it passes correct modules (every layer test uses it) and must fail a
/// module whose gradient is wrong.
final class GradientCheckModuleTests: XCTestCase {
    /// `y = w · x` forward, but the input's gradient comes out twice too large: `detach` hides half of it.
    // @unchecked: Module's rule for shared models (forward writes nothing).
    private final class WrongGradient: Module, @unchecked Sendable {
        let weight = Parameter(Tensor.full([3], value: 0.5))
        override init() {
            super.init()
            register(weight, as: "weight")
        }
        override func forward(_ input: Tensor) -> Tensor {
            input * weight.value * 3 - (input * weight.value).detached() * 2
        }
    }

    func testAWrongInputGradientFailsAndIsNamed() {
        let report = GradientCheck().check(module: WrongGradient(), input: Tensor.ones([2, 3]))
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.worst?.name, "input")
        XCTAssertTrue(report.description.contains("input [2, 3]: FAILED"), report.description)
    }

    func testFrozenParametersAreLeftOut() {
        let layer = Linear(2, 2)
        layer.requiresGrad = false
        XCTAssertEqual(GradientCheck().check(module: layer, input: Tensor.ones([1, 2])).inputs.map(\.name), ["input"])
    }
}
