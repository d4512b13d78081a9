import XCTest
import Tensor
import TestSupport

final class ShapeOpsTests: XCTestCase {
    private var rng = RandomGenerator(seed: 13)

    func testReshapeFlattenSqueeze() throws {
        let x = Tensor.arange(0, 24).reshaped(to: [2, 3, 4])
        XCTAssertEqual(x.reshaped(to: [4, -1]).shape, [4, 6])
        XCTAssertEqual(x.flattened(startDim: 1).shape, [2, 12])
        XCTAssertEqual(x.flattened().shape, [24])
        XCTAssertEqual(x.unsqueezed(axis: 1).shape, [2, 1, 3, 4])
        XCTAssertEqual(x.unsqueezed(axis: -1).shape, [2, 3, 4, 1])
        XCTAssertEqual(x.unsqueezed(axis: 0).squeezed().shape, [2, 3, 4])
        XCTAssertEqual(x.unsqueezed(axis: 2).squeezed(axis: 2).shape, [2, 3, 4])
    }

    func testPermuteTransposeSliceConcatPadValues() throws {
        let x = Tensor.arange(0, 6).reshaped(to: [2, 3])
        XCTAssertEqual(x.transposed().scalars, [0, 3, 1, 4, 2, 5])
        XCTAssertEqual(x.sliced(axis: 1, 1..<3).scalars, [1, 2, 4, 5])
        XCTAssertEqual(Tensor.concatenate([x, x * 10], axis: 0).shape, [4, 3])
        XCTAssertEqual(Tensor.concatenate([x, x * 10], axis: -1).scalars, [0, 1, 2, 0, 10, 20, 3, 4, 5, 30, 40, 50])
        XCTAssertEqual(x.padded([(0, 1), (1, 0)], value: -1).scalars, [-1, 0, 1, 2, -1, 3, 4, 5, -1, -1, -1, -1])
        let y = Tensor.arange(0, 24).reshaped(to: [2, 3, 4]).permuted([2, 0, 1])
        XCTAssertEqual(y.shape, [4, 2, 3])
        XCTAssertEqual(y[3, 1, 2], 23)
        XCTAssertEqual(y[1, 0, 2], 9)
    }

    func testGradientsOfShapeOps() {
        let x = Tensor.normal([2, 3, 4], using: &rng)
        let other = Tensor.normal([2, 2, 4], using: &rng)
        let cases: [(String, ([Tensor]) -> Tensor)] = [
            ("reshape", { $0[0].reshaped(to: [4, 6]) * Tensor.arange(0, 6) }),
            ("flatten", { $0[0].flattened(startDim: 1).exp() }),
            ("permute", { $0[0].permuted([2, 0, 1]) * Tensor.arange(0, 3) }),
            ("transpose", { $0[0].transposed(0, 1).matmul($0[1].transposed(1, 2).sliced(axis: 0, 0..<1)) }),
            ("slice", { $0[0].sliced(axis: 1, 1..<3).pow(2) }),
            ("concat", { Tensor.concatenate([$0[0], $0[1], $0[0]], axis: 1).exp() }),
            ("pad", { $0[0].padded([(1, 0), (0, 2), (3, 1)], value: 2).pow(2) }),
            ("expand", { $0[0].sliced(axis: 1, 0..<1).expanded(to: [3, 2, 3, 4]).exp() }),
            ("squeeze", { $0[1].sliced(axis: 1, 1..<2).squeezed(axis: 1).unsqueezed(axis: 0).pow(3) }),
        ]
        for (name, op) in cases {
            let report = GradientCheck().check([x, other]) { op($0) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }
}

extension ShapeOpsTests {
    func testEmptyTensorsFlowThroughOps() {
        let empty = Tensor.zeros([0, 3])
        XCTAssertEqual((empty + Tensor.ones([3])).shape, [0, 3])
        XCTAssertEqual(empty.sum(axes: [0]).scalars, [0, 0, 0])
        XCTAssertEqual(Tensor.ones([2, 3]).sliced(axis: 1, 1..<1).shape, [2, 0])
        XCTAssertEqual(Tensor.concatenate([empty, Tensor.ones([2, 3])], axis: 0).scalars, [1, 1, 1, 1, 1, 1])
        XCTAssertEqual(empty.permuted([1, 0]).shape, [3, 0])
    }
}

extension ShapeOpsTests {
    func testLargePermutationsMatchIndexArithmetic() {
        let x = Tensor.arange(0, 3 * 37 * 21).reshaped(to: [3, 37, 21])
        for axes in [[2, 0, 1], [1, 2, 0], [0, 2, 1], [2, 1, 0]] {
            let y = x.permuted(axes)
            let inputStrides = x.strides
            var index = [0, 0, 0]
            for value in y.scalars {
                XCTAssertEqual(Int(value), zip(axes, index).reduce(0) { $0 + inputStrides[$1.0] * $1.1 }, "permutation \(axes)")
                var axis = 2
                while axis >= 0 {
                    index[axis] += 1
                    if index[axis] < y.shape[axis] { break }
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
    }
}
