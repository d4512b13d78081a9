import XCTest
import Tensor
import TestSupport

final class ReductionTests: XCTestCase {
    private var rng = RandomGenerator(seed: 11)

    func testSumMeanMaxOverAxes() throws {
        let x = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        XCTAssertEqual(x.sum(axes: [0]).scalars, [5, 7, 9])
        XCTAssertEqual(x.sum(axes: [1], keepDims: true).shape, [2, 1])
        XCTAssertEqual(x.sum(axes: [-1]).scalars, [6, 15])
        XCTAssertEqual(x.sum().item(), 21)
        XCTAssertEqual(x.mean(axes: [1]).scalars, [2, 5])
        XCTAssertEqual(x.max(axes: [0]).scalars, [4, 5, 6])
        XCTAssertEqual(x.max().item(), 6)
        XCTAssertEqual(x.variance(axes: [1]).scalars, [1, 1])
        XCTAssertEqual(x.variance(correction: 0).item(), 35.0 / 12.0, accuracy: 1e-6)
        XCTAssertEqual(x.argmax(axis: 1, keepDims: true).scalars, [2, 2])
        XCTAssertEqual(try Tensor([3, 1, 3], shape: [3]).argmax(axis: 0).scalars, [0], "first maximum wins")
    }

    func testLongAndWideReductionsMatchDoubleSums() {
        let long = Tensor.uniform([200_003], using: &rng)
        let expected = long.scalars.reduce(0.0) { $0 + Double($1) }
        XCTAssertEqual(Double(long.sum().item()), expected, accuracy: expected * 1e-5)
        let wide = Tensor.uniform([3, 7, 5000], using: &rng)
        let columns = wide.sum(axes: [1]).scalars
        let values = wide.scalars
        for column in stride(from: 0, to: 15000, by: 1237) {
            let (row, inner) = (column / 5000, column % 5000)
            let reference = (0..<7).reduce(Float(0)) { $0 + values[row * 35000 + $1 * 5000 + inner] }
            XCTAssertEqual(columns[column], reference, accuracy: 1e-5)
        }
        XCTAssertEqual(wide.max().item(), values.max())
    }

    func testGradientsOfReductions() {
        let x = Tensor.normal([2, 3, 4, 5], using: &rng)
        let cases: [(String, (Tensor) -> Tensor)] = [
            ("sum 0,2", { $0.sum(axes: [0, 2]) }), ("sum keepdims", { $0.sum(axes: [1, 3], keepDims: true) }),
            ("sum all", { $0.sum() }), ("mean -1", { $0.mean(axes: [-1]) }), ("mean all", { $0.mean() }),
            ("variance 0,2,3", { $0.variance(axes: [0, 2, 3]) }),
            ("variance keepdims", { $0.variance(axes: [1], correction: 0, keepDims: true) }),
            ("max 1", { $0.max(axes: [1]) }), ("max 0,3", { $0.max(axes: [0, 3], keepDims: true) }),
            // Broadcasting against a reduction: x − mean(x) and x / sum(x²).
            ("centred", { $0 - $0.mean(axes: [0, 2, 3], keepDims: true) }),
            ("normalised", { $0 / ($0 * $0).sum(axes: [1], keepDims: true) }),
        ]
        for (name, op) in cases {
            let report = GradientCheck().check([x]) { op($0[0]) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }

    func testMaxSharesTheGradientAmongTies() throws {
        var x = try Tensor([1, 4, 4, 2], shape: [4])
        x.requiresGrad = true
        x.max().backward()
        XCTAssertEqual(x.grad?.scalars, [0, 0.5, 0.5, 0])
    }

    func testSummedToShapeReversesBroadcasting() throws {
        let gradient = Tensor.ones([2, 3, 4])
        XCTAssertEqual(gradient.summed(toShape: [3, 1]).scalars, [8, 8, 8])
        XCTAssertEqual(gradient.summed(toShape: [4]).scalars, [6, 6, 6, 6])
        XCTAssertEqual(gradient.summed(toShape: []).item(), 24)
    }
}
