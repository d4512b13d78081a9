import XCTest
import Tensor

final class GradientCheckTests: XCTestCase {
    func testPassesForCorrectGradients() {
        var rng = RandomGenerator(seed: 1)
        let x = Tensor.normal([3, 4], using: &rng), w = Tensor.normal([4, 2], using: &rng)
        let report = GradientCheck().check([x, w]) { $0[0].matmul($0[1]) * $0[0].sum() }
        XCTAssertTrue(report.passed, report.description)
        XCTAssertEqual(report.inputs.count, 2)
        XCTAssertLessThan(report.inputs[0].maxRelativeError, 1e-2)
    }

    func testReportsTheWorstElementOfAWrongGradient() throws {
        let x = try Tensor([1, 2, 3], shape: [3])
        let report = GradientCheck().check([x]) { inputs in
            let input = inputs[0]
            // Claims d(x²)/dx = x instead of 2x.
            return Tensor.makeResult(input * input, parents: [input]) { gradient in [gradient * input] }
        }
        XCTAssertFalse(report.passed)
        let worst = try XCTUnwrap(report.worst?.worstElement)
        XCTAssertEqual(worst.numeric, 2 * worst.analytic, accuracy: 1e-2 * Swift.abs(worst.numeric))
        XCTAssertTrue(report.description.contains("FAILED"))
    }

    func testChecksCapturedParametersInPlaceAndRestoresThem() throws {
        var weight = try Tensor([0.5, -0.25, 2], shape: [3])
        weight.requiresGrad = true
        let input = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        (input * weight).sum().backward()
        let gradientBefore = weight.grad?.scalars
        let report = GradientCheck().check(parameters: [weight]) { (input * weight * 0.1).exp().sum(axes: [1]) }
        XCTAssertTrue(report.passed, report.description)
        XCTAssertEqual(weight.scalars, [0.5, -0.25, 2])
        XCTAssertEqual(weight.grad?.scalars, gradientBefore)
    }
}

extension GradientCheckTests {
    func testSamplesElementsOfLargeInputs() {
        var rng = RandomGenerator(seed: 2)
        let x = Tensor.normal([40, 50], using: &rng)
        var evaluations = 0
        let report = GradientCheck(maximumElementsPerInput: 10).check([x]) { inputs in
            evaluations += 1
            return (inputs[0] * inputs[0]).sum(axes: [1])
        }
        XCTAssertTrue(report.passed, report.description)
        XCTAssertEqual(evaluations, 2 * 10 + 1)
        let worst = report.inputs[0].worstElement
        XCTAssertNotNil(worst)
        XCTAssertLessThan(worst?.index ?? -1, 2000)
    }
}
