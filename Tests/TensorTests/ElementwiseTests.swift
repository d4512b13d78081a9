import Foundation
import XCTest
import Tensor
import TestSupport

final class ElementwiseTests: XCTestCase {
    private var rng = RandomGenerator(seed: 7)

    func testBroadcastingFollowsNumPyRules() throws {
        let column = try Tensor([1, 2, 3], shape: [3, 1])
        let row = try Tensor([10, 20], shape: [2])
        let sum = column + row
        XCTAssertEqual(sum.shape, [3, 2])
        XCTAssertEqual(sum.scalars, [11, 21, 12, 22, 13, 23])
        let channels = try Tensor([1, -1], shape: [1, 2, 1, 1])
        let image = Tensor.ones([2, 2, 2, 3])
        XCTAssertEqual((image * channels).sum(axes: [0, 2, 3]).scalars, [12, -12])
        XCTAssertEqual((Tensor(2) - row).scalars, [-8, -18])
    }

    func testLargeTensorsTakeTheParallelPathWithSameResults() {
        let a = Tensor.uniform([300, 257], using: &rng), b = Tensor.uniform([257], using: &rng)
        let sum = (a + b).scalars
        let (x, y) = (a.scalars, b.scalars)
        for index in stride(from: 0, to: x.count, by: 997) {
            XCTAssertEqual(sum[index], x[index] + y[index % 257])
        }
    }

    func testComparisonMasksAreConstants() throws {
        var x = try Tensor([1, 2, 3], shape: [3])
        x.requiresGrad = true
        XCTAssertEqual((x .> 1.5).scalars, [0, 1, 1])
        XCTAssertEqual((x .<= 2).scalars, [1, 1, 0])
        XCTAssertEqual((x .== Tensor([3, 2, 1])).scalars, [0, 1, 0])
        XCTAssertEqual((x .!= 2).scalars, [1, 0, 1])
        XCTAssertEqual((x .< 2).scalars, [1, 0, 0])
        XCTAssertEqual((x .>= 2).scalars, [0, 1, 1])
        XCTAssertFalse((x .> 1).requiresGrad)
    }

    func testGradientsOfBroadcastingBinaryOps() {
        let a = Tensor.normal([2, 3, 4], using: &rng), b = Tensor.uniform([3, 1], low: 0.5, high: 2, using: &rng)
        for (name, op) in [("+", { (x: Tensor, y: Tensor) in x + y }), ("-", { $0 - $1 }), ("*", { $0 * $1 }),
                           ("/", { $0 / $1 }), ("pow", { $1.pow($0) })] {
            let report = GradientCheck().check([a, b]) { op($0[0], $0[1]) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }

    func testGradientsOfUnaryOps() {
        let x = Tensor.uniform([3, 5], low: 0.3, high: 1.8, using: &rng)
        let signed = x * (Tensor.bernoulli([3, 5], probability: 0.5, using: &rng) * 2 - 1)
        let cases: [(String, Tensor, (Tensor) -> Tensor)] = [
            ("exp", signed, { $0.exp() }), ("log", x, { $0.log() }), ("sqrt", x, { $0.sqrt() }),
            ("abs", signed, { $0.abs() }), ("neg", signed, { -$0 }), ("pow 3", signed, { $0.pow(3) }),
            ("pow 2", signed, { $0.pow(2) }), ("pow -0.5", x, { $0.pow(-0.5) }),
            ("clamp", signed, { $0.clamped(min: -1, max: 1.25) }), ("scalars", signed, { 1 / (2 + $0 * $0) - 3 }),
        ]
        for (name, input, op) in cases {
            let report = GradientCheck().check([input]) { op($0[0]) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }

    func testClampPassesGradientOnlyInsideTheRange() throws {
        var x = try Tensor([-2, 0.5, 3], shape: [3])
        x.requiresGrad = true
        x.clamped(min: -1, max: 1).sum().backward()
        XCTAssertEqual(x.grad?.scalars, [0, 1, 0])
        XCTAssertEqual(x.clamped(max: 1).scalars, [-2, 0.5, 1])
    }
}

extension ElementwiseTests {
    func testVectorisedExpMatchesFoundationOverTheFloatRange() {
        var values = (0..<4000).map { Float($0) * 0.05 - 100 }     // -100 ..< 100, normal to subnormal to ∞
        values += [-.infinity, .infinity, .nan, -87.5, 88.7, 88.73, -103.9, 0, -0.0, 1e-8]
        let result = Tensor(values).exp().scalars
        for (x, y) in zip(values, result) {
            let expected = Foundation.exp(x)
            if expected.isNaN {
                XCTAssertTrue(y.isNaN, "exp(\(x))")
            } else if expected.isInfinite || expected < Float.leastNormalMagnitude {
                XCTAssertEqual(y, expected, accuracy: Float.leastNormalMagnitude * 1e-5, "exp(\(x))")
            } else {
                XCTAssertEqual(y, expected, accuracy: 2 * expected.ulp, "exp(\(x))")
            }
        }
    }
}
